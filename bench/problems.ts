import type { ServerRun } from './measure.ts'
import type { ServerName } from './servers.ts'

/** CPU (100 = one core) other processes may use during a window before the run is suspect. */
const BUSY_MACHINE_PERCENT = 20

/** Anything in the runs that a reader of the numbers should know about. */
export function findProblems(all: Partial<Record<ServerName, ServerRun[]>>): string[] {
  const found: string[] = []
  for (const [server, serverRuns] of Object.entries(all)) {
    serverRuns.forEach((run, i) => {
      const at = `${server} run ${i + 1}`
      if (run.otherCpuPercent > BUSY_MACHINE_PERCENT) {
        found.push(
          `${at}: other processes used ${run.otherCpuPercent.toFixed(0)} % CPU in the window; ` +
            'the machine was busy, so latencies are unreliable',
        )
      }
      for (const [message, count] of Object.entries(run.serverProblems)) {
        found.push(`${at}: server logged ${count} × ${message}`)
      }
      if (!/\((0|SIGTERM)\)$/.test(run.serverExit)) found.push(`${at}: server ${run.serverExit}`)
      found.push(...loadProblems(at, run.load))
    })
  }
  return found
}

/** What the load generator saw go wrong in one run: closes, errors, divergence, missing acks. */
export function loadProblems(at: string, load: ServerRun['load']): string[] {
  const found: string[] = []
  for (const [code, count] of Object.entries(load.connectionCloses)) {
    found.push(`${at}: ${count} client socket(s) closed with code ${code}`)
  }
  if (load.connectionErrors > 0) {
    found.push(`${at}: ${load.connectionErrors} client socket error(s)`)
  }
  if (load.unmatchedStates > 0) {
    found.push(`${at}: ${load.unmatchedStates} reader states matched no writer update`)
  }
  if (load.divergedReaders > 0) {
    found.push(`${at}: ${load.divergedReaders} readers' text differs from the writer's`)
  }
  if (load.ack && load.ack.unacknowledged > 0) {
    found.push(`${at}: ${load.ack.unacknowledged} writer frames never acknowledged`)
  }
  if (load.ack && load.ack.miscounted > 0) {
    found.push(`${at}: ${load.ack.miscounted} saved messages ahead of the frames counted`)
  }
  return found
}
