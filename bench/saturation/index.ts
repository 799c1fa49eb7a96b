/**
 * Scenario P2, saturation: 50 clients in one room, one writer replaying automerge-paper as fast
 * as the slowest reader takes it in. See README.md beside this file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { machine, versions } from '../environment.ts'
import type { BenchOptions } from '../options.ts'
import { goalLines } from '../report.ts'
import type { Scenario } from '../scenario.ts'
import type { ServerName } from '../servers.ts'
import { repoRoot, traceCredit } from '../traces.ts'
import {
  accordCommitIntervalMs,
  measureSaturation,
  WINDOW_UPDATES,
  type SaturationRun,
} from './measure.ts'
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
  const runs: Partial<Record<ServerName, SaturationRun[]>> = {}
  console.log(
    `${options.clients} clients, the writer ≤ ${WINDOW_UPDATES} updates ahead of the slowest ` +
      `reader, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured, ` +
      `${options.runs} run(s) per server; ${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  for (let i = 1; i <= options.runs; i++) {
    for (const server of options.servers) {
      console.log(`[${server}] run ${i}/${options.runs} …`)
      const result = await measureSaturation(server, options)
      ;(runs[server] ??= []).push(result)
      const { load } = result
      console.log(
        `[${server}] ${load.updatesPerSecond.toFixed(0)} updates/s, ` +
          `${load.deliveriesPerSecond.toFixed(0)} deliveries/s, fan-out p99 ` +
          `${load.fanOut.p99.toFixed(1)} ms, server CPU ${result.cpuPercent.toFixed(0)} %, ` +
          `load generator CPU ${load.loadCpuPercent.toFixed(0)} %`,
      )
    }
  }

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
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true })
  fs.writeFileSync(resultsFile, `${JSON.stringify(json, null, 2)}\n`)
  return resultsFile
}
