/**
 * One P3 run against one server: a fresh server process, the join-storm generator in its own
 * process (generator.ts), and for each round the server's CPU time, its peak RSS and the
 * machine's other CPU read from /proc over the round's window (from the joins starting to the
 * last client's document arriving).
 */
import fs from 'node:fs'
import path from 'node:path'
import { runGenerator } from '../measure.ts'
import type { BenchOptions } from '../options.ts'
import { cpuSeconds, machineCpu, memory } from '../proc.ts'
import { startServer, type ServerName } from '../servers.ts'
import { repoRoot } from '../traces.ts'
import type { JoinStormParams, JoinStormResult, RoundResult } from './messages.ts'

const generator = path.join(repoRoot, 'bench/join-storm/generator.ts')

/** Clients joining at once, as the issue says. */
export const JOINERS = 20
/** Join storms per run, each with fresh clients; the run reports their median. */
export const ROUNDS = 5
/**
 * Accord allows 300 websocket connections per address per minute (RATE_CONNECTIONS_PER_ADDRESS),
 * against someone opening sockets in a loop. A real join storm comes from 20 addresses; here
 * every round comes from 127.0.0.1, so the bench raises the limit rather than measure it.
 */
export const ACCORD_ENV = { RATE_CONNECTIONS_PER_ADDRESS: '100000' }

export interface Round extends RoundResult {
  /** Server CPU seconds used in the window (the storm's cost), and as % of the storm's time. */
  serverCpuSeconds: number
  serverCpuPercent: number
  /** RSS as the window opens: the document loaded, the seeding client connected. */
  rssBeforeMb: number | null
  /** Peak RSS in the window (VmHWM reset as it starts); the process's lifetime peak if not. */
  peakRssMb: number | null
  /** Whether the peak could be reset at the window's start (/proc/<pid>/clear_refs). */
  peakReset: boolean
  /** CPU of every other process in the window (100 = one core), and hypervisor steal. */
  otherCpuPercent: number
  stealPercent: number
}

export interface JoinStormRun {
  server: ServerName
  documentBytes: number
  textLength: number
  seedMs: number
  rounds: Round[]
  connectionCloses: Record<string, number>
  connectionErrors: number
  serverProblems: Record<string, number>
  serverExit: string
}

/** One storm's window as the orchestrator saw it. */
interface Window {
  start: Snapshot
  end: Snapshot
  rssBeforeMb: number | null
  peakRssMb: number | null
  reset: boolean
}

interface Snapshot {
  at: number
  server: number
  busy: number
  steal: number
  self: number
}

export async function measureJoinStorm(
  name: ServerName,
  options: BenchOptions,
  papersFile: string,
): Promise<JoinStormRun> {
  const server = await startServer(name, {
    profileDir: options.profileDir,
    env: name === 'accord' ? ACCORD_ENV : {},
  })
  const snapshot = (): Snapshot => {
    const machine = machineCpu()
    const self = process.cpuUsage()
    return {
      at: performance.now(),
      server: cpuSeconds(server.pid),
      busy: machine.busy,
      steal: machine.steal,
      self: (self.user + self.system) / 1e6,
    }
  }
  const windows: Window[] = []
  let open: Omit<Window, 'end' | 'peakRssMb'> | undefined
  let result: JoinStormResult
  let serverExit: string
  try {
    const { room, headers } = await server.createRoom()
    const params: JoinStormParams = {
      syncUrl: server.syncUrl,
      protocol: server.protocol,
      room,
      headers,
      papersFile,
      joiners: JOINERS,
      rounds: ROUNDS,
    }
    const run = await runGenerator<JoinStormResult>(generator, params, [server.pid], {
      // Seeding, then per round: the storm, applying 20 × 3 MB in one process, the gap.
      budgetMs: 180_000 + ROUNDS * 60_000,
      onWindow(phase) {
        if (phase === 'start') {
          const rssBeforeMb = memory(server.pid)?.rssMb ?? null
          open = { start: snapshot(), rssBeforeMb, reset: resetPeak(server.pid) }
        } else if (open) {
          const end = snapshot()
          const peakRssMb = memory(server.pid)?.peakRssMb ?? null
          windows.push({ ...open, end, peakRssMb })
          open = undefined
        }
      },
    })
    result = run.result
  } finally {
    serverExit = await server.stop()
  }
  if (windows.length !== result.rounds.length) {
    throw new Error(`${result.rounds.length} rounds but ${windows.length} windows were measured`)
  }
  const rounds = result.rounds.map((round, i): Round => {
    const { start, end, rssBeforeMb, peakRssMb, reset } = windows[i]!
    const seconds = (end.at - start.at) / 1000
    const serverCpu = end.server - start.server
    const others =
      end.busy - start.busy - serverCpu - round.loadCpuSeconds - (end.self - start.self)
    return {
      ...round,
      serverCpuSeconds: serverCpu,
      // Over the storm itself: the orchestrator's window also holds the idle lead before it.
      serverCpuPercent: (serverCpu / (round.windowMs / 1000)) * 100,
      rssBeforeMb,
      peakRssMb,
      peakReset: reset,
      otherCpuPercent: (Math.max(0, others) / seconds) * 100,
      stealPercent: ((end.steal - start.steal) / seconds) * 100,
    }
  })
  return {
    server: name,
    documentBytes: result.documentBytes,
    textLength: result.textLength,
    seedMs: result.seedMs,
    rounds,
    connectionCloses: result.connectionCloses,
    connectionErrors: result.connectionErrors,
    serverProblems: server.problems(),
    serverExit,
  }
}

/**
 * Resets the process's peak RSS (VmHWM) to its current RSS, so the peak read at the window's
 * end is the storm's own (Linux: "5" into /proc/<pid>/clear_refs). False if that is refused.
 */
function resetPeak(pid: number): boolean {
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5')
    return true
  } catch {
    return false
  }
}
