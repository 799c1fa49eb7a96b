/**
 * Scenario P6, cold open: opening a stored automerge-paper nobody has open, and the memory each
 * loaded copy costs. See README.md beside this file.
 */
import path from 'node:path'
import { ensurePapers } from '../documents/papers.ts'
import { machine, versions } from '../environment.ts'
import type { BenchOptions } from '../options.ts'
import { goalLines } from '../report.ts'
import { runEachServer, writeResultsJson, type Scenario } from '../scenario.ts'
import { fixed } from '../stats.ts'
import { automergePaperPath, repoRoot, traceCredit } from '../traces.ts'
import { ACCORD_ENV, measureColdOpen, OPENS, STORED_COPIES } from './measure.ts'
import {
  P6_SCENARIO,
  p6Goals,
  p6Health,
  p6Problems,
  p6Section,
  p6Table,
  summarizeColdOpen,
  summarizeRun,
  type P6Json,
} from './report.ts'

const resultsFile = path.join(repoRoot, 'bench/results/p6-cold-open.json')

export const scenario: Scenario<P6Json> = {
  title: P6_SCENARIO,
  resultsFile,
  run,
  section: p6Section,
}

async function run(options: BenchOptions): Promise<string> {
  const startedAt = new Date().toISOString()
  const host = machine()
  // Always automerge-paper, whatever --trace says: copy 0 of the P3 document is one paper.
  const papersFile = ensurePapers(automergePaperPath)
  console.log(
    `${STORED_COPIES} stored copies of automerge-paper, ${OPENS} cold opens and all ` +
      `${STORED_COPIES} loaded per run, ${options.runs} run(s) per server; ` +
      `${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  const runs = await runEachServer(
    options,
    (server) => measureColdOpen(server, options, papersFile),
    (result) => {
      const s = summarizeRun(result)
      return (
        `cold open ${fixed(s.openMs, 1)} ms (max ${fixed(s.openMaxMs, 0)}), ` +
        `${fixed(s.memoryPerCopyMb, 2)} MB per loaded copy (RSS ${fixed(s.rssPerCopyMb, 2)})`
      )
    },
  )

  const summary = options.servers.map((server) => summarizeColdOpen(server, runs[server] ?? []))
  const goals = p6Goals(summary)
  const problems = p6Problems(runs)
  console.log(`\n${p6Table(summary)}\n`)
  for (const line of [...goalLines(goals), ...p6Health(summary), ...problems]) console.log(line)
  console.log(`\n${traceCredit}`)

  const any = Object.values(runs).flat()[0]
  const json: P6Json = {
    scenario: P6_SCENARIO,
    date: startedAt,
    machine: host,
    versions: versions(),
    params: {
      storedCopies: STORED_COPIES,
      opens: OPENS,
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
