/**
 * `npm run bench`: the scenarios `--scenarios` names (all by default, options.ts lists them),
 * each against Accord and the peers (the reference y-websocket server and Hocuspocus) in one
 * run. Each server run gets a fresh process; runs alternate between servers so drift on the
 * machine touches all alike. See README.md.
 */
import fs from 'node:fs'
import path from 'node:path'
import { machine, versions } from './environment.ts'
import { measureOnce } from './measure.ts'
import { parseOptions, usage, type BenchOptions } from './options.ts'
import { findProblems } from './problems.ts'
import { writeResultsPage } from './results-page.ts'
import {
  checkGoals,
  goalLines,
  health,
  p5Goals,
  p5Table,
  SCENARIO,
  summarizeRuns,
  table,
  writeReport,
} from './report.ts'
import {
  measureScaleOut,
  secondReaders,
  setupLabels,
  setups,
  type ScaleOutRun,
  type Setup,
} from './scale-out/measure.ts'
import {
  P7_SCENARIO,
  p7Goals,
  p7Health,
  p7Problems,
  p7Table,
  summarizeScaleOut,
  writeP7Json,
} from './scale-out/report.ts'
import { runEachServer } from './scenario.ts'
import { folderScenarios } from './scenarios.ts'
import { S1_SCENARIO, s1Details, s1Goals, s1Table, writeS1Json } from './structure/report.ts'
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
// S1 reads the sample minutes and W1 the sample minutes in a browser: neither replays a trace.
const withoutTrace: readonly string[] = ['structure', 'live-pass']
const needsTrace = options.scenarios.some((name) => !withoutTrace.includes(name))
if (needsTrace && !fs.existsSync(options.tracePath)) {
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
  const written: string[] = []
  for (const name of options.scenarios) {
    const inFolder = folderScenarios[name]
    if (inFolder) {
      console.log(`\n${inFolder.title}`)
      written.push(await inFolder.run(options))
    } else if (name === 'typing') written.push(await typingFanOut(options))
    else if (name === 'scale-out') written.push(await scaleOut(options))
    else written.push(await structure())
  }
  written.push(await writeResultsPage())
  console.log(`\nWrote ${written.map((file) => path.relative(repoRoot, file)).join(', ')}`)
}

/** S1: loaded only when asked for (it brings SQLite and the extractor into this process). */
async function structure(): Promise<string> {
  const { measureStructure, S1_PARAMS } = await import('./structure/measure.ts')
  const startedAt = new Date().toISOString()
  const host = machine()
  console.log(
    `\n${S1_SCENARIO}: ${S1_PARAMS.targetWords}-word meetings projected in process with SQLite; ` +
      `${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  const result = await measureStructure()
  const goals = s1Goals(result)
  console.log(`\n${s1Table(result)}\n`)
  for (const line of [...s1Details(result), ...goalLines(goals)]) console.log(line)
  return writeS1Json({
    scenario: S1_SCENARIO,
    date: startedAt,
    machine: host,
    versions: versions(),
    goals,
    result,
  })
}

/** P7: one instance against two over Redis, the setups alternating run by run. */
async function scaleOut(options: BenchOptions): Promise<string> {
  const startedAt = new Date().toISOString()
  const host = machine()
  const runs: Partial<Record<Setup, ScaleOutRun[]>> = {}
  console.log(
    `\n${P7_SCENARIO}: ${options.clients} clients (${secondReaders(options.clients)} of them on ` +
      `the second instance), ${options.rate} updates/s, ${options.warmupSeconds} s warm-up + ` +
      `${options.durationSeconds} s measured, ${options.runs} run(s) per setup; ` +
      `${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )
  for (let run = 1; run <= options.runs; run++) {
    for (const setup of setups) {
      console.log(`[${setupLabels[setup]}] run ${run}/${options.runs} …`)
      const result = await measureScaleOut(setup, options)
      ;(runs[setup] ??= []).push(result)
      const byInstance = result.load.fanOutByInstance
      console.log(
        `[${setupLabels[setup]}] CPU ${result.instances.map((i) => i.cpuPercent.toFixed(1)).join(' + ')} %, ` +
          `fan-out p99 ${result.load.fanOut.p99.toFixed(2)} ms over ${result.load.fanOut.count} deliveries` +
          (byInstance
            ? ` (A ${byInstance.first.p99.toFixed(2)}, B ${byInstance.second.p99.toFixed(2)} ms)`
            : ''),
      )
    }
  }
  const rows = setups.map((setup) => summarizeScaleOut(setup, runs[setup] ?? []))
  const goals = p7Goals(rows)
  const problems = p7Problems(runs)
  console.log(`\n${p7Table(rows)}\n`)
  for (const line of goalLines(goals)) console.log(line)
  for (const line of [...p7Health(rows, options.rate), ...problems]) console.log(line)
  return writeP7Json(
    { date: startedAt, machine: host, versions: versions(), summary: rows, goals, problems, runs },
    options,
  )
}

async function typingFanOut(options: BenchOptions): Promise<string> {
  const startedAt = new Date().toISOString()
  const host = machine()
  console.log(
    `${SCENARIO}: ${options.clients} clients, ${options.rate} updates/s, ` +
      `${options.warmupSeconds} s warm-up + ${options.durationSeconds} s measured, ` +
      `${options.runs} run(s) per server; ${host.cpus} × ${host.cpuModel}, Node ${host.node}`,
  )

  const runs = await runEachServer(
    options,
    (server) => measureOnce(server, options),
    ({ cpuPercent, load }) =>
      `CPU ${cpuPercent.toFixed(1)} %, fan-out p99 ` +
      `${load.fanOut.p99.toFixed(2)} ms over ${load.fanOut.count} deliveries` +
      (load.ack ? `, ack p99 ${load.ack.p99.toFixed(2)} ms` : ''),
  )

  const rows = options.servers.map((server) => summarizeRuns(server, runs[server] ?? []))
  const goals = checkGoals(rows)
  const problems = findProblems(runs)
  console.log(`\n${table(rows)}\n`)
  for (const line of goalLines(goals)) console.log(line)
  console.log(`\n${p5Table(rows)}\n`)
  for (const line of goalLines(p5Goals(rows))) console.log(line)
  for (const line of [...health(rows, options), ...problems]) console.log(line)
  const written = writeReport({
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
  return written
}
