/**
 * Scenario P4, awareness: 100 people in one meeting, each moving its cursor twice a second;
 * does every move reach everyone, how fast, and at what CPU? See README.md beside this file.
 */
import fs from 'node:fs'
import path from 'node:path'
import { machine, versions } from '../environment.ts'
import type { BenchOptions } from '../options.ts'
import { goalLines } from '../report.ts'
import type { Scenario } from '../scenario.ts'
import type { ServerName } from '../servers.ts'
import { repoRoot } from '../traces.ts'
import { awarenessParams, measureAwareness, type AwarenessRun } from './measure.ts'
import {
  findProblems,
  fixed,
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
  const runs: Partial<Record<ServerName, AwarenessRun[]>> = {}
  console.log(
    `${params.clients} clients × ${params.movesPerSecond} cursor moves/s, ` +
      `${params.warmupSeconds} s warm-up + ${params.durationSeconds} s measured, ` +
      `${params.runs} run(s) per server; ${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  // Run by run, every server in turn, so drift on the machine touches them all alike.
  for (let i = 1; i <= options.runs; i++) {
    for (const server of options.servers) {
      console.log(`[${server}] run ${i}/${options.runs} …`)
      const result = await measureAwareness(server, options)
      ;(runs[server] ??= []).push(result)
      const { load } = result
      console.log(
        `[${server}] CPU ${fixed(result.cpuPercent, 1)} %, ` +
          `${fixed(((load.seenExactly + load.superseded) / load.expected) * 100, 2)} % of ` +
          `${load.expected} deliveries (${load.superseded} superseded, ${load.lost} lost), ` +
          `p99 ${fixed(load.latency.p99, 2)} ms`,
      )
      if (load.movesSent === 0) {
        throw new Error(
          `[${server}] no cursor moves in the window; run with --duration of at least 1 s`,
        )
      }
    }
  }

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
  fs.mkdirSync(path.dirname(resultsFile), { recursive: true })
  fs.writeFileSync(resultsFile, `${JSON.stringify(json, null, 2)}\n`)
  return resultsFile
}
