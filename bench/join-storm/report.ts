/** P3's table, goals, health lines and its section of RESULTS.md, from the runs. */
import { ACCORD, bestPeer, ratio, times } from '../compare.ts'
import { machineLine } from '../environment.ts'
import { goalLines, type Goal } from '../report.ts'
import type { ServerName } from '../servers.ts'
import { fixed, median, percentile } from '../stats.ts'
import { JOINERS, type JoinStormRun, type Round } from './measure.ts'

export const P3_SCENARIO = 'P3 join storm'
/** The issue's goal: every one of the 20 clients has the whole document within this. */
export const GOAL_ALL_MS = 400
/** CPU (100 = one core) other processes may use during a window before the run is suspect. */
const BUSY_MACHINE_PERCENT = 20

/** A run's numbers: the median over its rounds. */
export interface RunSummary {
  allMs: number | null
  p50Ms: number | null
  serverCpuSeconds: number | null
  serverCpuPercent: number | null
  rssBeforeMb: number | null
  peakRssMb: number | null
  applyMs: number | null
  otherCpuPercent: number | null
  loadCpuPercent: number | null
  eventLoopDelayMaxMs: number | null
}

/** A server's row: medians over its runs of each run's median over rounds. */
export interface P3Row extends RunSummary {
  server: ServerName
  runs: number
  rounds: number
  seedMs: number | null
  completedLate: number
  socketProblems: number
}

export function summarizeRun(run: JoinStormRun): RunSummary {
  const m = (pick: (round: Round) => number | null) => median(run.rounds.map(pick))
  return {
    allMs: m((r) => Math.max(...r.clientMs)),
    p50Ms: m((r) => percentile(Float64Array.from(r.clientMs).sort(), 50)),
    serverCpuSeconds: m((r) => r.serverCpuSeconds),
    serverCpuPercent: m((r) => r.serverCpuPercent),
    rssBeforeMb: m((r) => r.rssBeforeMb),
    peakRssMb: m((r) => r.peakRssMb),
    applyMs: m((r) => r.applyMs),
    otherCpuPercent: m((r) => r.otherCpuPercent),
    loadCpuPercent: m((r) => (r.loadCpuSeconds / (r.windowMs / 1000)) * 100),
    eventLoopDelayMaxMs: m((r) => r.eventLoopDelayMaxMs),
  }
}

export function summarizeJoinStorm(server: ServerName, runs: readonly JoinStormRun[]): P3Row {
  const summaries = runs.map(summarizeRun)
  const m = (pick: (s: RunSummary) => number | null) => median(summaries.map(pick))
  return {
    server,
    runs: runs.length,
    rounds: runs.reduce((sum, run) => sum + run.rounds.length, 0),
    allMs: m((s) => s.allMs),
    p50Ms: m((s) => s.p50Ms),
    serverCpuSeconds: m((s) => s.serverCpuSeconds),
    serverCpuPercent: m((s) => s.serverCpuPercent),
    rssBeforeMb: m((s) => s.rssBeforeMb),
    peakRssMb: m((s) => s.peakRssMb),
    applyMs: m((s) => s.applyMs),
    otherCpuPercent: m((s) => s.otherCpuPercent),
    loadCpuPercent: m((s) => s.loadCpuPercent),
    eventLoopDelayMaxMs: m((s) => s.eventLoopDelayMaxMs),
    seedMs: median(runs.map((run) => run.seedMs)),
    completedLate: runs.reduce(
      (sum, run) => sum + run.rounds.reduce((s, r) => s + r.completedLate, 0),
      0,
    ),
    socketProblems: runs.reduce(
      (sum, run) =>
        sum + Object.values(run.connectionCloses).reduce((a, b) => a + b, 0) + run.connectionErrors,
      0,
    ),
  }
}

export function p3Goals(rows: readonly P3Row[]): Goal[] {
  const accord = rows.find((row) => row.server === ACCORD)
  const peer = bestPeer(rows, (row) => row.allMs, 'lower')
  return [
    {
      goal: `Accord: all ${JOINERS} clients have the whole document ≤ ${GOAL_ALL_MS / 1000} s`,
      measured:
        `${seconds(accord?.allMs)} s (better peer ${peer?.server ?? 'none ran'}: ` +
        `${seconds(peer?.value)} s, ${times(ratio(accord?.allMs, peer?.value))})`,
      met: accord?.allMs == null ? null : accord.allMs <= GOAL_ALL_MS,
    },
  ]
}

export function p3Table(rows: readonly P3Row[]): string {
  const peer = bestPeer(rows, (row) => row.allMs, 'lower')
  const cpuPeer = bestPeer(rows, (row) => row.serverCpuSeconds, 'lower')
  return [
    '| scenario | server | all have it s | × better peer | p50 client ms | server CPU s | ' +
      'CPU × better peer | server CPU % | RSS before MB | peak RSS MB | client apply ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${P3_SCENARIO} | ${r.server} | ${seconds(r.allMs)} | ` +
        `${r.server === ACCORD ? times(ratio(r.allMs, peer?.value)) : ''} | ` +
        `${fixed(r.p50Ms, 0)} | ${fixed(r.serverCpuSeconds, 2)} | ` +
        `${r.server === ACCORD ? times(ratio(r.serverCpuSeconds, cpuPeer?.value)) : ''} | ` +
        `${fixed(r.serverCpuPercent, 0)} | ${fixed(r.rssBeforeMb, 0)} | ${fixed(r.peakRssMb, 0)} | ` +
        `${fixed(r.applyMs, 0)} |`,
    ),
  ].join('\n')
}

export function p3Health(rows: readonly P3Row[]): string[] {
  return rows.map(
    (r) =>
      `${r.server}: ${r.rounds} storms over ${r.runs} run(s); seeding took ${seconds(r.seedMs)} s; ` +
      `${r.completedLate} client(s) completed only after the window, ` +
      `${r.socketProblems} socket closes/errors; load generator CPU ${fixed(r.loadCpuPercent, 0)} % ` +
      `in the window (event-loop delay max ${fixed(r.eventLoopDelayMaxMs, 0)} ms), ` +
      `other processes ${fixed(r.otherCpuPercent, 0)} % CPU`,
  )
}

/** Anything in the runs that a reader of the numbers should know about. */
export function p3Problems(all: Partial<Record<ServerName, JoinStormRun[]>>): string[] {
  const found: string[] = []
  for (const [server, runs] of Object.entries(all)) {
    runs.forEach((run, i) => {
      const at = `${server} run ${i + 1}`
      const busy = run.rounds.filter((r) => r.otherCpuPercent > BUSY_MACHINE_PERCENT).length
      if (busy > 0) {
        found.push(
          `${at}: other processes used more than ${BUSY_MACHINE_PERCENT} % CPU in ${busy} of ` +
            `${run.rounds.length} storms; the machine was busy, so times are unreliable`,
        )
      }
      if (run.rounds.some((r) => !r.peakReset)) {
        found.push(`${at}: the peak RSS could not be reset; it is the process's lifetime peak`)
      }
      for (const [message, count] of Object.entries(run.serverProblems)) {
        found.push(`${at}: server logged ${count} × ${message}`)
      }
      if (!/\((0|SIGTERM)\)$/.test(run.serverExit)) found.push(`${at}: server ${run.serverExit}`)
      for (const [code, count] of Object.entries(run.connectionCloses)) {
        found.push(`${at}: ${count} client socket(s) closed with code ${code}`)
      }
      if (run.connectionErrors > 0) found.push(`${at}: ${run.connectionErrors} socket error(s)`)
    })
  }
  return found
}

/** What bench/results/p3-join-storm.json holds. */
export interface P3Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  params: {
    joiners: number
    rounds: number
    copies: number
    documentBytes: number | null
    textLength: number | null
    runs: number
    servers: ServerName[]
    accordEnv: Record<string, string>
  }
  credit: string
  summary: P3Row[]
  goals: Goal[]
  problems: string[]
  runs: Partial<Record<ServerName, JoinStormRun[]>>
}

export function p3Section(json: P3Json): string[] {
  const { params } = json
  const mb = params.documentBytes == null ? '–' : (params.documentBytes / 2 ** 20).toFixed(2)
  return [
    `## ${P3_SCENARIO}`,
    '',
    `Run on ${json.date}; every number in [results/p3-join-storm.json](results/p3-join-storm.json). ` +
      'How it is measured: [join-storm/README.md](join-storm/README.md).',
    '',
    machineLine(json.machine, json.versions),
    '',
    `Parameters: ${params.joiners} clients join at once a room holding ${params.copies} × ` +
      `automerge-paper (${mb} MB as one Yjs update, ${params.textLength ?? '–'} characters), ` +
      'kept loaded by the seeding client; ' +
      `${params.rounds} storms per run with fresh clients, ${params.runs} run(s) per server ` +
      '(medians of the runs’ medians). "All have it": from the joins starting to the last ' +
      'client\'s whole document arriving; "client apply": the Yjs apply of that document in ' +
      'one client afterwards, the same work whatever the server, not in the times. Accord with ' +
      `${Object.entries(params.accordEnv)
        .map(([k, v]) => `${k}=${v}`)
        .join(', ')} and its default 2 MB MAX_MESSAGE_BYTES (seeded one copy per update).`,
    '',
    p3Table(json.summary),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
    '### Load and health',
    '',
    ...p3Health(json.summary).map((line) => `- ${line}`),
    ...json.problems.map((line) => `- ${line}`),
    '',
    '### Credit',
    '',
    json.credit,
    '',
  ]
}

function seconds(ms: number | null | undefined): string {
  return ms == null || !Number.isFinite(ms) ? '–' : (ms / 1000).toFixed(2)
}
