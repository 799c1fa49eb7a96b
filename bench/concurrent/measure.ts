/**
 * One P8 run: a fresh server process, P8's load generator in its own process replaying one
 * trace, and the server's CPU read from /proc over the replay (the window the generator
 * announces: from the first edit to every client holding every edit).
 */
import path from 'node:path'
import { runGenerator } from '../measure.ts'
import type { BenchOptions } from '../options.ts'
import type { Memory } from '../proc.ts'
import { startServer, type ServerName } from '../servers.ts'
import { repoRoot } from '../traces.ts'
import type { P8Params, P8Result } from './messages.ts'
import { pace, SPEEDUP } from './pace.ts'
import { loadConcurrentTrace, type TraceName } from './trace.ts'

const generator = path.join(repoRoot, 'bench/concurrent/generator.ts')

export interface P8Run {
  server: ServerName
  trace: TraceName
  /** Server CPU over the replay; 100 = one full core. */
  cpuPercent: number
  /** CPU used in the window by every other process on the machine, and hypervisor steal. */
  otherCpuPercent: number
  stealPercent: number
  /** Server memory at the end of the replay. */
  memory: Memory | null
  connectMs: number
  load: P8Result
  /** Warnings and errors the server logged during the run, with counts. */
  serverProblems: Record<string, number>
  serverExit: string
}

/** Seconds from the first edit to the last one due, at SPEEDUP. */
export function scheduledSeconds(trace: TraceName): number {
  return Math.max(...pace(loadConcurrentTrace(trace)).recordedSeconds) / SPEEDUP
}

export async function measureReplay(
  name: ServerName,
  trace: TraceName,
  options: BenchOptions,
): Promise<P8Run> {
  const server = await startServer(name, { profileDir: options.profileDir })
  let run: Omit<P8Run, 'server' | 'trace' | 'serverProblems' | 'serverExit'>
  let serverExit: string
  try {
    const { room, headers } = await server.createRoom()
    const params: P8Params = {
      syncUrl: server.syncUrl,
      protocol: server.protocol,
      room,
      headers,
      trace,
      speedup: SPEEDUP,
      drainSeconds: options.drainSeconds,
    }
    // Generous: working out the edits, connecting, the replay, the drain and the goodbyes.
    const budgetMs = (60 + scheduledSeconds(trace) + options.drainSeconds) * 1000
    const measured = await runGenerator<P8Result>(generator, params, [server.pid], { budgetMs })
    run = {
      cpuPercent: measured.servers[0]!.cpuPercent,
      otherCpuPercent: measured.otherCpuPercent,
      stealPercent: measured.stealPercent,
      memory: measured.servers[0]!.memory,
      connectMs: measured.connectMs,
      load: measured.result,
    }
  } finally {
    serverExit = await server.stop()
  }
  return { server: name, trace, ...run, serverProblems: server.problems(), serverExit }
}
