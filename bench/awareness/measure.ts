/**
 * One P4 run against one server: a fresh server process, the awareness load generator in its
 * own process, and the server's CPU read from /proc over the window the generator announces.
 */
import path from 'node:path'
import { runGenerator } from '../measure.ts'
import type { BenchOptions } from '../options.ts'
import type { Memory } from '../proc.ts'
import { startServer, type ServerName } from '../servers.ts'
import { repoRoot } from '../traces.ts'
import {
  ACCORD_ENV,
  CLIENTS,
  JOIN_SPREAD_MS,
  MOVES_PER_SECOND,
  type AwarenessParams,
  type AwarenessResult,
} from './params.ts'

const generator = path.join(repoRoot, 'bench/awareness/generator.ts')

export interface AwarenessRun {
  server: ServerName
  /** Server CPU over the window; 100 = one full core. */
  cpuPercent: number
  /** CPU used in the window by every other process on the machine, and hypervisor steal. */
  otherCpuPercent: number
  stealPercent: number
  /** Server memory at the end of the window. */
  memory: Memory | null
  load: AwarenessResult
  /** Warnings and errors the server logged during the run, with counts. */
  serverProblems: Record<string, number>
  serverExit: string
}

export function awarenessParams(
  options: BenchOptions,
): Omit<AwarenessParams, 'syncUrl' | 'protocol' | 'room' | 'headers'> {
  return {
    clients: CLIENTS,
    movesPerSecond: MOVES_PER_SECOND,
    joinSpreadMs: JOIN_SPREAD_MS,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
    drainSeconds: options.drainSeconds,
  }
}

export async function measureAwareness(
  name: ServerName,
  options: BenchOptions,
): Promise<AwarenessRun> {
  const server = await startServer(name, {
    ...(name === 'accord' ? { env: ACCORD_ENV } : {}),
    profileDir: options.profileDir,
  })
  let run: Omit<AwarenessRun, 'server' | 'serverProblems' | 'serverExit'>
  let serverExit: string
  try {
    const { room, headers } = await server.createRoom()
    const params: AwarenessParams = {
      syncUrl: server.syncUrl,
      protocol: server.protocol,
      room,
      headers,
      ...awarenessParams(options),
    }
    // Generous: joining and settling, the run itself, the drain, and the goodbyes.
    const budgetMs =
      (60 + JOIN_SPREAD_MS / 1000 + options.warmupSeconds + options.durationSeconds) * 1000 +
      options.drainSeconds * 1000
    const measured = await runGenerator<AwarenessResult>(generator, params, [server.pid], {
      budgetMs,
    })
    run = {
      cpuPercent: measured.servers[0]!.cpuPercent,
      otherCpuPercent: measured.otherCpuPercent,
      stealPercent: measured.stealPercent,
      memory: measured.servers[0]!.memory,
      load: measured.result,
    }
  } finally {
    serverExit = await server.stop()
  }
  return { server: name, ...run, serverProblems: server.problems(), serverExit }
}
