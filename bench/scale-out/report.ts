/**
 * Scenario P7's table, its goals, bench/results/p7-scale-out.json and its section of
 * bench/RESULTS.md.
 */
import { writeResultsJson } from '../scenario.ts'
import path from 'node:path'
import type { BenchOptions } from '../options.ts'
import { loadProblems } from '../problems.ts'
import { goalLines, type Goal } from '../report.ts'
import { fixed, median } from '../stats.ts'
import { repoRoot, traceCredit } from '../traces.ts'
import { setupLabels, type ScaleOutRun, type Setup } from './measure.ts'

export const P7_SCENARIO = 'P7 scale-out'
export const p7ResultsFile = path.join(repoRoot, 'bench/results/p7-scale-out.json')

/** How much higher the two instances' p99 fan-out may be than one instance's. */
const P99_ALLOWANCE_MS = 5
/** CPU (100 = one core) other processes may use during a window before the run is suspect. */
const BUSY_MACHINE_PERCENT = 20

/** Medians over a setup's runs, except the publishes per turn: the most any run saw. */
export interface P7Row {
  setup: Setup
  runs: number
  readersFirst: number
  readersSecond: number
  fanOutP50Ms: number | null
  fanOutP99Ms: number | null
  /** Readers on the writer's instance, and on the other one (their updates crossed Redis). */
  firstP99Ms: number | null
  secondP99Ms: number | null
  ackP99Ms: number | null
  cpuFirstPercent: number | null
  cpuSecondPercent: number | null
  /** Every PostgreSQL and Redis process on the machine. */
  servicesCpuPercent: number | null
  deliveriesPerSecond: number | null
  publishesPerSecond: number | null
  /** Max over instances and runs; null without fan-out. */
  maxPublishesPerRoomPerTurn: number | null
  sendRate: number | null
  missingDeliveries: number | null
  socketProblems: number | null
  loadCpuPercent: number | null
  eventLoopDelayP99Ms: number | null
  otherCpuPercent: number | null
  stealPercent: number | null
}

export function summarizeScaleOut(setup: Setup, runs: readonly ScaleOutRun[]): P7Row {
  const m = (pick: (run: ScaleOutRun) => number | null | undefined) =>
    median(runs.map((run) => pick(run) ?? null))
  const maxima = runs.flatMap((run) =>
    run.instances.flatMap((i) => (i.fanout ? [i.fanout.maxPublishesPerRoomPerTurn] : [])),
  )
  const sum = (values: (number | null)[]) =>
    values.some((v) => v === null) ? null : values.reduce<number>((a, b) => a + b!, 0)
  return {
    setup,
    runs: runs.length,
    readersFirst: runs[0]?.readers.first ?? 0,
    readersSecond: runs[0]?.readers.second ?? 0,
    fanOutP50Ms: m((r) => r.load.fanOut.p50),
    fanOutP99Ms: m((r) => r.load.fanOut.p99),
    firstP99Ms: m((r) => r.load.fanOutByInstance?.first.p99),
    secondP99Ms: m((r) => r.load.fanOutByInstance?.second.p99),
    ackP99Ms: m((r) => r.load.ack?.p99),
    cpuFirstPercent: m((r) => r.instances[0]?.cpuPercent),
    cpuSecondPercent: m((r) => r.instances[1]?.cpuPercent),
    servicesCpuPercent: m((r) => r.servicesCpuPercent),
    deliveriesPerSecond: m((r) => r.load.deliveriesPerSecond),
    publishesPerSecond: m((r) =>
      sum(r.instances.map((i) => (i.fanout ? i.publishesPerSecond : 0))),
    ),
    maxPublishesPerRoomPerTurn: maxima.length > 0 ? Math.max(...maxima) : null,
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

/** The two targets; they are not enforced. */
export function p7Goals(rows: readonly P7Row[]): Goal[] {
  const one = rows.find((row) => row.setup === 'one-postgres')
  const two = rows.find((row) => row.setup === 'two-redis')
  const limit = one?.fanOutP99Ms == null ? null : one.fanOutP99Ms + P99_ALLOWANCE_MS
  const publishes = two?.maxPublishesPerRoomPerTurn
  return [
    {
      goal: `two instances p99 fan-out ≤ one instance (PostgreSQL) + ${P99_ALLOWANCE_MS} ms`,
      measured:
        `${fixed(two?.fanOutP99Ms, 1)} ms vs ${fixed(one?.fanOutP99Ms, 1)} + ` +
        `${P99_ALLOWANCE_MS} = ${fixed(limit, 1)} ms`,
      met: two?.fanOutP99Ms == null || limit === null ? null : two.fanOutP99Ms <= limit,
    },
    {
      goal: 'Redis publishes per room per turn ≤ 1 (max over instances and runs)',
      measured: two ? (publishes == null ? 'nothing published' : String(publishes)) : 'n/a',
      met: two ? publishes != null && publishes <= 1 : null,
    },
  ]
}

export function p7Table(rows: readonly P7Row[]): string {
  return [
    '| scenario | setup | readers A / B | p50 ms | p99 ms | p99 A ms | p99 B ms | ack p99 ms | ' +
      'CPU % A | CPU % B | CPU % PostgreSQL + Redis | deliveries/s | publishes/s | ' +
      'max publishes per room per turn |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${P7_SCENARIO} | ${setupLabels[r.setup]} | ${r.readersFirst} / ${r.readersSecond} | ` +
        `${fixed(r.fanOutP50Ms, 2)} | ${fixed(r.fanOutP99Ms, 2)} | ${fixed(r.firstP99Ms, 2)} | ` +
        `${fixed(r.secondP99Ms, 2)} | ${fixed(r.ackP99Ms, 2)} | ${fixed(r.cpuFirstPercent, 1)} | ` +
        `${fixed(r.cpuSecondPercent, 1)} | ${fixed(r.servicesCpuPercent, 1)} | ` +
        `${fixed(r.deliveriesPerSecond, 0)} | ` +
        `${fixed(r.publishesPerSecond, 0)} | ${fixed(r.maxPublishesPerRoomPerTurn, 0)} |`,
    ),
  ].join('\n')
}

/** Whether the load was what was asked for. */
export function p7Health(rows: readonly P7Row[], rate: number): string[] {
  return rows.map(
    (r) =>
      `${setupLabels[r.setup]}: sent ${fixed(r.sendRate, 0)} of ${rate} updates/s, ` +
      `${fixed(r.missingDeliveries, 0)} deliveries missing after the drain, ` +
      `${fixed(r.socketProblems, 0)} socket closes/errors, ` +
      `load generator CPU ${fixed(r.loadCpuPercent, 0)} % ` +
      `(event-loop delay p99 ${fixed(r.eventLoopDelayP99Ms, 1)} ms), ` +
      `other processes ${fixed(r.otherCpuPercent, 0)} % CPU, steal ${fixed(r.stealPercent, 0)} %`,
  )
}

/** Anything in the runs that a reader of the numbers should know about. */
export function p7Problems(all: Partial<Record<Setup, ScaleOutRun[]>>): string[] {
  const found: string[] = []
  for (const [setup, runs] of Object.entries(all) as [Setup, ScaleOutRun[]][]) {
    runs.forEach((run, i) => {
      const at = `${setupLabels[setup]}, run ${i + 1}`
      if (run.otherCpuPercent > BUSY_MACHINE_PERCENT) {
        found.push(
          `${at}: other processes used ${run.otherCpuPercent.toFixed(0)} % CPU in the window; ` +
            'the machine was busy, so latencies are unreliable',
        )
      }
      for (const instance of run.instances) {
        const where = run.instances.length > 1 ? `${at}, instance ${letter(instance.instance)}` : at
        for (const [message, count] of Object.entries(instance.problems)) {
          found.push(`${where}: server logged ${count} × ${message}`)
        }
        if (!/\((0|SIGTERM)\)$/.test(instance.exit)) found.push(`${where}: server ${instance.exit}`)
      }
      found.push(...loadProblems(at, run.load))
    })
  }
  return found
}

/** What bench/results/p7-scale-out.json holds. */
export interface P7Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  /** The options P7 uses; the URLs without passwords. */
  params: Omit<BenchOptions, 'servers'>
  credit: string
  summary: P7Row[]
  goals: Goal[]
  problems: string[]
  runs: Partial<Record<Setup, ScaleOutRun[]>>
}

export function writeP7Json(
  report: Pick<P7Json, 'date' | 'machine' | 'versions' | 'summary' | 'goals' | 'problems' | 'runs'>,
  options: BenchOptions,
): string {
  const json: P7Json = {
    scenario: P7_SCENARIO,
    date: report.date,
    machine: report.machine,
    versions: report.versions,
    params: {
      scenarios: options.scenarios,
      durationSeconds: options.durationSeconds,
      warmupSeconds: options.warmupSeconds,
      drainSeconds: options.drainSeconds,
      rate: options.rate,
      clients: options.clients,
      runs: options.runs,
      tracePath: path.relative(repoRoot, options.tracePath),
      databaseUrl: withoutPassword(options.databaseUrl),
      redisUrl: withoutPassword(options.redisUrl),
    },
    credit: traceCredit,
    summary: report.summary,
    goals: report.goals,
    problems: report.problems,
    runs: report.runs,
  }
  return writeResultsJson(p7ResultsFile, json)
}

/** P7's section of RESULTS.md, from the JSON file's contents. */
export function p7Section(json: P7Json): string[] {
  const { params } = json
  const m = json.machine
  return [
    `## ${P7_SCENARIO}`,
    '',
    `Run on ${json.date}; every number in [results/p7-scale-out.json](results/p7-scale-out.json).`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node}, load average ` +
      `${fixed(Number(m.loadAverage1m), 2)} at the start. Accord ${json.versions.accord}, ` +
      `yjs ${json.versions.yjs}. PostgreSQL at ${params.databaseUrl}, Redis at ${params.redisUrl}; ` +
      'every run in a fresh schema and Redis prefix.',
    '',
    `Parameters: ${params.clients} clients (the writer on A), ${params.rate} updates/s, ` +
      `${params.warmupSeconds} s warm-up, ${params.durationSeconds} s measured, ${params.runs} ` +
      'run(s) per setup (medians; publishes per turn: the most any run saw). A is the instance ' +
      'the writer is on, B the other; "p99 B" is the readers whose updates crossed Redis.',
    '',
    p7Table(json.summary),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
    '### Load and health',
    '',
    ...p7Health(json.summary, params.rate).map((line) => `- ${line}`),
    ...json.problems.map((line) => `- ${line}`),
    '',
  ]
}

function letter(instance: 'first' | 'second'): string {
  return instance === 'first' ? 'A' : 'B'
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url)
    if (parsed.password) parsed.password = '***'
    return parsed.toString()
  } catch {
    return url
  }
}
