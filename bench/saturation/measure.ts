/**
 * One P2 run against one server: a fresh server process, the saturation load generator in its
 * own process (generator.ts), and the server's CPU and memory read from /proc over the window
 * the generator announces (bench/measure.ts runGenerator).
 */
import path from 'node:path'
import { configSchema } from '../../apps/server/src/config.ts'
import { runGenerator } from '../measure.ts'
import type { BenchOptions } from '../options.ts'
import type { Memory } from '../proc.ts'
import { startServer, type ServerName } from '../servers.ts'
import { repoRoot } from '../traces.ts'
import type { SaturationParams, SaturationResult } from './messages.ts'

const generator = path.join(repoRoot, 'bench/saturation/generator.ts')

/**
 * Writer updates that may be on their way to the slowest reader at once. Throughput in a
 * closed loop is this window over the round trip (writer → server → slowest reader), so it
 * must be large enough to keep every server busy while one batch travels – saturation is about
 * throughput, not one round trip's latency (P1 measures that) – and small enough that the
 * queue stays short. 100 updates cover a round trip of 20 ms at 5,000 updates/s.
 */
export const WINDOW_UPDATES = 100

/**
 * Accord commits, and so fans out, at most once per COMMIT_INTERVAL_MS (its configuration, read
 * from the environment the bench passes on to the server; 10 ms by default). In a closed loop
 * that caps it at `WINDOW_UPDATES` per interval, however idle its CPU: worth saying in the table.
 */
export function accordCommitIntervalMs(): number {
  return configSchema.shape.COMMIT_INTERVAL_MS.parse(process.env.COMMIT_INTERVAL_MS)
}

export interface SaturationRun {
  server: ServerName
  /** Accord: the longest it lets an update wait for the next commit; null for the peers. */
  commitIntervalMs: number | null
  /** The writer's window: updates on their way to the slowest reader at most. */
  windowUpdates: number
  /** Server CPU over the window; 100 = one full core. */
  cpuPercent: number
  /** CPU used in the window by every other process on the machine, and stolen; 100 = one core. */
  otherCpuPercent: number
  stealPercent: number
  /** Server memory at the end of the window. */
  memory: Memory | null
  connectMs: number
  load: SaturationResult
  /** Warnings and errors the server logged during the run, with counts. */
  serverProblems: Record<string, number>
  serverExit: string
}

export async function measureSaturation(
  name: ServerName,
  options: BenchOptions,
): Promise<SaturationRun> {
  const server = await startServer(name, { profileDir: options.profileDir })
  let measured: Omit<
    SaturationRun,
    'server' | 'commitIntervalMs' | 'windowUpdates' | 'serverProblems' | 'serverExit'
  >
  let serverExit: string
  try {
    const { room, headers } = await server.createRoom()
    const params: SaturationParams = {
      syncUrl: server.syncUrl,
      protocol: server.protocol,
      room,
      headers,
      clients: options.clients,
      windowUpdates: WINDOW_UPDATES,
      warmupSeconds: options.warmupSeconds,
      durationSeconds: options.durationSeconds,
      drainSeconds: options.drainSeconds,
      tracePath: options.tracePath,
    }
    // Generous: trace loading and connecting, the run itself, the drain, and the goodbyes.
    const budgetMs =
      (60 + options.warmupSeconds + options.durationSeconds + options.drainSeconds) * 1000
    const run = await runGenerator<SaturationResult>(generator, params, [server.pid], {
      budgetMs,
    })
    measured = {
      cpuPercent: run.servers[0]!.cpuPercent,
      otherCpuPercent: run.otherCpuPercent,
      stealPercent: run.stealPercent,
      memory: run.servers[0]!.memory,
      connectMs: run.connectMs,
      load: run.result,
    }
  } finally {
    serverExit = await server.stop()
  }
  return {
    server: name,
    commitIntervalMs: name === 'accord' ? accordCommitIntervalMs() : null,
    windowUpdates: WINDOW_UPDATES,
    ...measured,
    serverProblems: server.problems(),
    serverExit,
  }
}
