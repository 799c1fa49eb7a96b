/**
 * Turns runs into the summary table, checks it against the goals, and writes
 * bench/results/p1-typing-fanout.json and P1's section of bench/RESULTS.md.
 */
import { writeResultsJson } from './scenario.ts'
import path from 'node:path'
import { machineLine } from './environment.ts'
import { ACCORD, bestPeer, ratio, times } from './compare.ts'
import type { ServerRun } from './measure.ts'
import type { BenchOptions } from './options.ts'
import type { ServerName } from './servers.ts'
import { fixed, median } from './stats.ts'
import { repoRoot, traceCredit } from './traces.ts'

export const SCENARIO = 'P1 typing fan-out'
export const P5_SCENARIO = 'P5 durable acknowledgement'
export const p1ResultsFile = path.join(repoRoot, 'bench/results/p1-typing-fanout.json')
const resultsFile = p1ResultsFile

/** Medians over a server's runs. */
export interface Row {
  server: ServerName
  runs: number
  cpuPercent: number | null
  fanOutP50Ms: number | null
  fanOutP99Ms: number | null
  ackP50Ms: number | null
  ackP99Ms: number | null
  deliveriesPerSecond: number | null
  rssMb: number | null
  sendRate: number | null
  missingDeliveries: number | null
  socketProblems: number | null
  loadCpuPercent: number | null
  eventLoopDelayP99Ms: number | null
  otherCpuPercent: number | null
  stealPercent: number | null
}

export function summarizeRuns(server: ServerName, runs: readonly ServerRun[]): Row {
  const m = (pick: (run: ServerRun) => number | null | undefined) =>
    median(runs.map((run) => pick(run) ?? null))
  return {
    server,
    runs: runs.length,
    cpuPercent: m((r) => r.cpuPercent),
    fanOutP50Ms: m((r) => r.load.fanOut.p50),
    fanOutP99Ms: m((r) => r.load.fanOut.p99),
    ackP50Ms: m((r) => r.load.ack?.p50),
    ackP99Ms: m((r) => r.load.ack?.p99),
    deliveriesPerSecond: m((r) => r.load.deliveriesPerSecond),
    rssMb: m((r) => r.memory?.rssMb),
    sendRate: m((r) => r.load.sendRate),
    missingDeliveries: m((r) => r.load.missingDeliveries),
    socketProblems: m(
      (r) =>
        Object.values(r.load.connectionCloses).reduce((a, b) => a + b, 0) + r.load.connectionErrors,
    ),
    loadCpuPercent: m((r) => r.load.loadCpuPercent),
    eventLoopDelayP99Ms: m((r) => r.load.eventLoopDelayP99Ms),
    otherCpuPercent: m((r) => r.otherCpuPercent),
    stealPercent: m((r) => r.stealPercent),
  }
}

export interface Goal {
  goal: string
  measured: string
  met: boolean | null
}

const atMost = (value: number | null | undefined, limit: number) =>
  value == null ? null : value <= limit

/** The targets Accord reports against; they are not enforced. */
export function checkGoals(rows: readonly Row[]): Goal[] {
  const accord = rows.find((row) => row.server === ACCORD)
  const peer = bestPeer(rows, (row) => row.cpuPercent, 'lower')
  const cpuRatio = ratio(accord?.cpuPercent, peer?.value)
  return [
    {
      goal: `Accord CPU ≤ 0.5 × the better peer (${peer?.server ?? 'none ran'})`,
      measured: times(cpuRatio),
      met: atMost(cpuRatio, 0.5),
    },
    {
      goal: 'Accord p99 fan-out ≤ 15 ms',
      measured: `${fixed(accord?.fanOutP99Ms, 1)} ms`,
      met: atMost(accord?.fanOutP99Ms, 15),
    },
  ]
}

/** P5: the durable acknowledgement under P1's load; only Accord stores before it answers. */
export function p5Goals(rows: readonly Row[]): Goal[] {
  const accord = rows.find((row) => row.server === ACCORD)
  return [
    {
      goal: 'Accord p99 durable acknowledgement ≤ 50 ms',
      measured: `${fixed(accord?.ackP99Ms, 1)} ms`,
      met: atMost(accord?.ackP99Ms, 50),
    },
  ]
}

export function table(rows: readonly Row[]): string {
  const peer = bestPeer(rows, (row) => row.cpuPercent, 'lower')
  const lines = [
    '| scenario | server | CPU % | CPU × better peer | p50 ms | p99 ms | deliveries/s | RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${SCENARIO} | ${r.server} | ${fixed(r.cpuPercent, 1)} | ` +
        `${r.server === ACCORD ? times(ratio(r.cpuPercent, peer?.value)) : ''} | ` +
        `${fixed(r.fanOutP50Ms, 2)} | ${fixed(r.fanOutP99Ms, 2)} | ` +
        `${fixed(r.deliveriesPerSecond, 0)} | ${fixed(r.rssMb, 0)} |`,
    ),
  ]
  return lines.join('\n')
}

export function p5Table(rows: readonly Row[]): string {
  const lines = [
    '| scenario | server | ack p50 ms | ack p99 ms | stored before the answer |',
    '| --- | --- | ---: | ---: | --- |',
    ...rows.map(
      (r) =>
        `| ${P5_SCENARIO} | ${r.server} | ${fixed(r.ackP50Ms, 2)} | ${fixed(r.ackP99Ms, 2)} | ` +
        `${r.server === ACCORD ? 'yes: SQLite, synchronous=FULL' : 'no acknowledgement; kept in memory'} |`,
    ),
  ]
  return lines.join('\n')
}

/** Whether the load was what was asked for, and whether anything went wrong. */
export function health(rows: readonly Row[], options: BenchOptions): string[] {
  return rows.map(
    (r) =>
      `${r.server}: sent ${fixed(r.sendRate, 0)} of ${options.rate} updates/s, ` +
      `${fixed(r.missingDeliveries, 0)} deliveries missing after the drain, ` +
      `${fixed(r.socketProblems, 0)} socket closes/errors, ` +
      `load generator CPU ${fixed(r.loadCpuPercent, 0)} % ` +
      `(event-loop delay p99 ${fixed(r.eventLoopDelayP99Ms, 1)} ms), ` +
      `other processes ${fixed(r.otherCpuPercent, 0)} % CPU, steal ${fixed(r.stealPercent, 0)} %`,
  )
}

export function goalLines(goals: readonly Goal[]): string[] {
  const verdict = (met: boolean | null) => (met === null ? 'n/a' : met ? 'met' : 'NOT met')
  return goals.map((g) => `${g.goal}: ${g.measured} → ${verdict(g.met)}`)
}

export interface Report {
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  options: BenchOptions
  rows: Row[]
  goals: Goal[]
  runs: Partial<Record<ServerName, ServerRun[]>>
  problems: string[]
}

/** What bench/results/p1-typing-fanout.json holds. */
export interface P1Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  params: BenchOptions
  credit: string
  summary: Row[]
  goals: Goal[]
  problems: string[]
  runs: Report['runs']
}

/** Writes bench/results/p1-typing-fanout.json; RESULTS.md is written from it (results-page.ts). */
export function writeReport(report: Report): string {
  const { options } = report
  const json: P1Json = {
    scenario: SCENARIO,
    date: report.date,
    machine: report.machine,
    versions: report.versions,
    params: { ...options, tracePath: path.relative(repoRoot, options.tracePath) },
    credit: traceCredit,
    summary: report.rows,
    goals: report.goals,
    problems: report.problems,
    runs: report.runs,
  }
  return writeResultsJson(resultsFile, json)
}

/** P1's section of RESULTS.md, from the JSON file's contents. */
export function p1Section(json: P1Json): string[] {
  const { params: options } = json
  return [
    `## ${SCENARIO}`,
    '',
    `Run on ${json.date}; every number in ` +
      '[results/p1-typing-fanout.json](results/p1-typing-fanout.json).',
    '',
    machineLine(json.machine, json.versions),
    '',
    `Parameters: ${options.clients} clients, ${options.rate} updates/s, ${options.warmupSeconds} s ` +
      `warm-up, ${options.durationSeconds} s measured, ${options.runs} run(s) per server (medians).`,
    '',
    table(json.summary),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
    '### Load and health',
    '',
    ...health(json.summary, options).map((line) => `- ${line}`),
    ...json.problems.map((line) => `- ${line}`),
    '',
    '### Credit',
    '',
    json.credit,
    '',
  ]
}

/** P5's section of RESULTS.md: the acknowledgements measured during P1's runs. */
export function p5Section(json: P1Json): string[] {
  return [
    `## ${P5_SCENARIO}`,
    '',
    `Measured during P1's runs (${json.date}): from the writer sending its n-th edit to Accord ` +
      "saying that edit is stored (message type 64), under P1's load, with SQLite " +
      '(`synchronous=FULL`) as the storage. The peers keep documents in memory and have no ' +
      'such message.',
    '',
    p5Table(json.summary),
    '',
    '### Goals',
    '',
    ...goalLines(p5Goals(json.summary)).map((line) => `- ${line}`),
    '',
  ]
}
