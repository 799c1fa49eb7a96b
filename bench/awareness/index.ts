/**
 * Scenario P4, awareness: 100 people in one meeting, each moving its cursor twice a second;
 * does every move reach everyone, how fast, and at what CPU? See README.md beside this file.
 */
import path from 'node:path'
import { machine, versions } from '../environment.ts'
import type { BenchOptions } from '../options.ts'
import { goalLines } from '../report.ts'
import { runEachServer, writeResultsJson, type Scenario } from '../scenario.ts'
import { fixed } from '../stats.ts'
import { repoRoot } from '../traces.ts'
import { awarenessParams, measureAwareness } from './measure.ts'
import {
  findProblems,
  goals,
  health,
  P4_TITLE,
  section,
  summarizeRuns,
  table,
  type P4Json,
  type Params,
} from './report.ts'

const resultsFile = path.join(repoRoot, 'bench/results/p4-awareness.json')

export const scenario: Scenario<P4Json> = {
  title: P4_TITLE,
  resultsFile,
  run,
  section,
}

async function run(options: BenchOptions): Promise<string> {
  const date = new Date().toISOString()
  const host = machine()
  const params: Params = {
    ...awarenessParams(options),
    runs: options.runs,
    profiled: options.profileDir !== undefined,
  }
  console.log(
    `${params.clients} clients × ${params.movesPerSecond} cursor moves/s, ` +
      `${params.warmupSeconds} s warm-up + ${params.durationSeconds} s measured, ` +
      `${params.runs} run(s) per server; ${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  const runs = await runEachServer(
    options,
    async (server) => {
      const result = await measureAwareness(server, options)
      if (result.load.movesSent === 0) {
        throw new Error(
          `[${server}] no cursor moves in the window; run with --duration of at least 1 s`,
        )
      }
      return result
    },
    ({ cpuPercent, load }) =>
      `CPU ${fixed(cpuPercent, 1)} %, ` +
      `${fixed(((load.seenExactly + load.superseded) / load.expected) * 100, 2)} % of ` +
      `${load.expected} deliveries (${load.superseded} superseded, ${load.lost} lost), ` +
      `p99 ${fixed(load.latency.p99, 2)} ms`,
  )

  const summary = options.servers.map((server) => summarizeRuns(server, runs[server] ?? []))
  const met = goals(summary)
  const problems = findProblems(runs, params)
  console.log(`\n${table(summary)}\n`)
  for (const line of goalLines(met)) console.log(line)
  for (const line of [...health(summary, params), ...problems]) console.log(line)

  const json: P4Json = {
    scenario: P4_TITLE,
    date,
    machine: host,
    versions: versions(),
    params,
    summary,
    goals: met,
    problems,
    runs,
  }
  return writeResultsJson(resultsFile, json)
}
