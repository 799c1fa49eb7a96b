/**
 * Scenario P3, join storm: 20 clients join at once a room holding 10 × automerge-paper
 * (≈ 3 MB). See README.md beside this file.
 */
import path from 'node:path'
import { COPIES, ensurePapers } from '../documents/papers.ts'
import { machine, versions } from '../environment.ts'
import type { BenchOptions } from '../options.ts'
import { goalLines } from '../report.ts'
import { runEachServer, writeResultsJson, type Scenario } from '../scenario.ts'
import { fixed } from '../stats.ts'
import { automergePaperPath, repoRoot, traceCredit } from '../traces.ts'
import { ACCORD_ENV, JOINERS, measureJoinStorm, ROUNDS } from './measure.ts'
import {
  P3_SCENARIO,
  p3Goals,
  p3Health,
  p3Problems,
  p3Section,
  p3Table,
  summarizeJoinStorm,
  summarizeRun,
  type P3Json,
} from './report.ts'

const resultsFile = path.join(repoRoot, 'bench/results/p3-join-storm.json')

export const scenario: Scenario<P3Json> = {
  title: P3_SCENARIO,
  resultsFile,
  run,
  section: p3Section,
}

async function run(options: BenchOptions): Promise<string> {
  const startedAt = new Date().toISOString()
  const host = machine()
  // Always automerge-paper, whatever --trace says: the document is 10 × that trace.
  const papersFile = ensurePapers(automergePaperPath)
  console.log(
    `${JOINERS} clients join ${COPIES} × automerge-paper at once, ${ROUNDS} storms per run, ` +
      `${options.runs} run(s) per server; ${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  const runs = await runEachServer(
    options,
    (server) => measureJoinStorm(server, options, papersFile),
    (result) => {
      const s = summarizeRun(result)
      return (
        `all have it in ${fixed(s.allMs, 0)} ms (p50 client ${fixed(s.p50Ms, 0)} ms), ` +
        `server CPU ${fixed(s.serverCpuSeconds, 2)} s per storm, peak RSS ` +
        `${fixed(s.peakRssMb, 0)} MB; storms: ` +
        result.rounds.map((r) => Math.max(...r.clientMs).toFixed(0)).join(', ') +
        ' ms'
      )
    },
  )

  const summary = options.servers.map((server) => summarizeJoinStorm(server, runs[server] ?? []))
  const goals = p3Goals(summary)
  const problems = p3Problems(runs)
  console.log(`\n${p3Table(summary)}\n`)
  for (const line of [...goalLines(goals), ...p3Health(summary), ...problems]) console.log(line)
  console.log(`\n${traceCredit}`)

  const any = Object.values(runs).flat()[0]
  const json: P3Json = {
    scenario: P3_SCENARIO,
    date: startedAt,
    machine: host,
    versions: versions(),
    params: {
      joiners: JOINERS,
      rounds: ROUNDS,
      copies: COPIES,
      documentBytes: any?.documentBytes ?? null,
      textLength: any?.textLength ?? null,
      runs: options.runs,
      servers: options.servers,
      accordEnv: ACCORD_ENV,
    },
    credit: traceCredit,
    summary,
    goals,
    problems,
    runs,
  }
  return writeResultsJson(resultsFile, json)
}
