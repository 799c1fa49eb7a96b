/**
 * `npm run bench`: scenario P1, typing fan-out, against Accord and the reference
 * y-websocket server in one run. Each server run gets a fresh process; runs alternate between
 * servers so drift on the machine touches both alike. See README.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { machine, versions } from './environment.ts'
import { measureOnce, type ServerRun } from './measure.ts'
import { parseOptions, usage, type BenchOptions } from './options.ts'
import { findProblems } from './problems.ts'
import {
  checkGoals,
  goalLines,
  health,
  SCENARIO,
  summarizeRuns,
  table,
  writeReport,
} from './report.ts'
import type { ServerName } from './servers.ts'
import { repoRoot, traceCredit } from './traces.ts'

const options = (() => {
  try {
    return parseOptions(process.argv.slice(2), process.env)
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${usage}`)
    process.exit(2)
  }
})()
if (options === 'help') {
  console.log(usage)
  process.exit(0)
}
if (!fs.existsSync(options.tracePath)) {
  console.error(`Editing trace not found: ${options.tracePath} (shared/ must be beside the repo)`)
  process.exit(1)
}

try {
  await main(options)
} catch (error) {
  console.error('The bench failed:', error)
  process.exitCode = 1
}

async function main(options: BenchOptions): Promise<void> {
  const startedAt = new Date().toISOString()
  const host = machine()
  const runs: Partial<Record<ServerName, ServerRun[]>> = {}
  console.log(
    `${SCENARIO}: ${options.clients} clients, ${options.rate} updates/s, ` +
      `${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured, ` +
      `${options.runs} run(s) per server; ${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )

  for (let run = 1; run <= options.runs; run++) {
    for (const server of options.servers) {
      console.log(`[${server}] run ${run}/${options.runs} …`)
      const result = await measureOnce(server, options)
      ;(runs[server] ??= []).push(result)
      console.log(
        `[${server}] CPU ${result.cpuPercent.toFixed(1)} %, fan-out p99 ` +
          `${result.load.fanOut.p99.toFixed(2)} ms over ${result.load.fanOut.count} deliveries` +
          (result.load.ack ? `, ack p99 ${result.load.ack.p99.toFixed(2)} ms` : ''),
      )
    }
  }

  const rows = options.servers.map((server) => summarizeRuns(server, runs[server] ?? []))
  const goals = checkGoals(rows)
  const problems = findProblems(runs)
  console.log(`\n${table(rows)}\n`)
  for (const line of goalLines(goals)) console.log(line)
  for (const line of [...health(rows, options), ...problems]) console.log(line)
  const written = await writeReport({
    date: startedAt,
    machine: host,
    versions: versions(),
    options,
    rows,
    goals,
    runs,
    problems,
  })
  console.log(`\n${traceCredit}`)
  console.log(`Wrote ${written.map((file) => path.relative(repoRoot, file)).join(', ')}`)
}
