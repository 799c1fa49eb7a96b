/**
 * Scenario P2, saturation: 50 clients in one room, one writer replaying automerge-paper as fast
 * as the slowest reader takes it in. See README.md beside this file.
 */
import path from 'node:path'
import { machine, versions } from '../environment.ts'
import type { BenchOptions } from '../options.ts'
import { goalLines } from '../report.ts'
import { runEachServer, writeResultsJson, type Scenario } from '../scenario.ts'
import { repoRoot, traceCredit } from '../traces.ts'
import { accordCommitIntervalMs, measureSaturation, WINDOW_UPDATES } from './measure.ts'
import {
  P2_SCENARIO,
  p2Goals,
  p2Health,
  p2Problems,
  p2Section,
  p2Table,
  summarizeSaturation,
  type P2Json,
} from './report.ts'

const resultsFile = path.join(repoRoot, 'bench/results/p2-saturation.json')

export const scenario: Scenario<P2Json> = {
  title: P2_SCENARIO,
  resultsFile,
  run,
  section: p2Section,
}

async function run(options: BenchOptions): Promise<string> {
  const startedAt = new Date().toISOString()
  const host = machine()
  console.log(
    `${options.clients} clients, the writer ≤ ${WINDOW_UPDATES} updates ahead of the slowest ` +
      `reader, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured, ` +
      `${options.runs} run(s) per server; ${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  const runs = await runEachServer(
    options,
    (server) => measureSaturation(server, options),
    ({ load, cpuPercent }) =>
      `${load.updatesPerSecond.toFixed(0)} updates/s, ` +
      `${load.deliveriesPerSecond.toFixed(0)} deliveries/s, fan-out p99 ` +
      `${load.fanOut.p99.toFixed(1)} ms, server CPU ${cpuPercent.toFixed(0)} %, ` +
      `load generator CPU ${load.loadCpuPercent.toFixed(0)} %`,
  )

  const summary = options.servers.map((server) => summarizeSaturation(server, runs[server] ?? []))
  const goals = p2Goals(summary)
  const problems = p2Problems(runs)
  console.log(`\n${p2Table(summary)}\n`)
  for (const line of [...goalLines(goals), ...p2Health(summary), ...problems]) console.log(line)
  console.log(`\n${traceCredit}`)

  const json: P2Json = {
    scenario: P2_SCENARIO,
    date: startedAt,
    machine: host,
    versions: versions(),
    params: {
      clients: options.clients,
      windowUpdates: WINDOW_UPDATES,
      accordCommitIntervalMs: accordCommitIntervalMs(),
      warmupSeconds: options.warmupSeconds,
      durationSeconds: options.durationSeconds,
      drainSeconds: options.drainSeconds,
      runs: options.runs,
      servers: options.servers,
      tracePath: path.relative(repoRoot, options.tracePath),
    },
    credit: traceCredit,
    summary,
    goals,
    problems,
    runs,
  }
  return writeResultsJson(resultsFile, json)
}
