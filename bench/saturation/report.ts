/**
 * P2's table, its goal, what bounded each run, bench/results/p2-saturation.json and its section
 * of bench/RESULTS.md.
 */
import { ACCORD, bestPeer, ratio, times } from '../compare.ts'
import { machineLine } from '../environment.ts'
import type { Goal } from '../report.ts'
import { goalLines } from '../report.ts'
import type { ServerName } from '../servers.ts'
import { fixed, median } from '../stats.ts'
import type { SaturationRun } from './measure.ts'

export const P2_SCENARIO = 'P2 saturation'
/** The peer the goal names, and how many times its deliveries Accord should reach. */
const GOAL_PEER = 'hocuspocus'
const GOAL_FACTOR = 2
/**
 * A process using this much CPU (100 = one core) is taken to be saturated: Node runs the
 * JavaScript of the load generator and of every server on one thread, so near 100 % it cannot
 * go faster, and whichever process is there bounds the closed loop.
 */
const SATURATED_PERCENT = 85
/** The machine's cores are taken to be all busy when every process together uses this much. */
const MACHINE_BUSY_PERCENT = 180
/** A run at this share of Accord's commit cap (commitCap) is taken to be held there by it. */
const AT_CAP = 0.85
/** CPU (100 = one core) other processes may use during a window before the run is suspect. */
const BUSY_MACHINE_PERCENT = 20

/** Medians over a server's runs. */
export interface P2Row {
  server: ServerName
  runs: number
  updatesPerSecond: number | null
  deliveriesPerSecond: number | null
  fanOutP50Ms: number | null
  fanOutP99Ms: number | null
  cpuPercent: number | null
  rssMb: number | null
  loadCpuPercent: number | null
  eventLoopDelayP99Ms: number | null
  longestStallMs: number | null
  socketCloses: number | null
  socketErrors: number | null
  divergedReaders: number | null
  missingDeliveries: number | null
  otherCpuPercent: number | null
  stealPercent: number | null
  /** What bounded the runs (boundBy of each; different answers joined with " / "). */
  boundBy: string
}

export function summarizeSaturation(server: ServerName, runs: readonly SaturationRun[]): P2Row {
  const m = (pick: (run: SaturationRun) => number | null | undefined) =>
    median(runs.map((run) => pick(run) ?? null))
  return {
    server,
    runs: runs.length,
    updatesPerSecond: m((r) => r.load.updatesPerSecond),
    deliveriesPerSecond: m((r) => r.load.deliveriesPerSecond),
    fanOutP50Ms: m((r) => r.load.fanOut.p50),
    fanOutP99Ms: m((r) => r.load.fanOut.p99),
    cpuPercent: m((r) => r.cpuPercent),
    rssMb: m((r) => r.memory?.rssMb),
    loadCpuPercent: m((r) => r.load.loadCpuPercent),
    eventLoopDelayP99Ms: m((r) => r.load.eventLoopDelayP99Ms),
    longestStallMs: m((r) => r.load.longestStallMs),
    socketCloses: m((r) => Object.values(r.load.connectionCloses).reduce((a, b) => a + b, 0)),
    socketErrors: m((r) => r.load.connectionErrors),
    divergedReaders: m((r) => r.load.divergedReaders),
    missingDeliveries: m((r) => r.load.missingDeliveries),
    otherCpuPercent: m((r) => r.otherCpuPercent),
    stealPercent: m((r) => r.stealPercent),
    boundBy: [...new Set(runs.map(boundBy))].join(' / ') || '–',
  }
}

/**
 * What bounded a run's closed loop: the load generator (its readers cannot take updates in
 * faster, so the number says little about the server), the server, Accord's commit interval
 * (it sends at most the writer's window per commit, however idle its CPU), or both cores of the
 * machine. If none applies, the round trip did: the window of updates in flight over the time
 * one takes to reach the slowest reader.
 */
export function boundBy(run: SaturationRun): string {
  const saturated = [
    ...(run.load.loadCpuPercent >= SATURATED_PERCENT ? ['load generator'] : []),
    ...(run.cpuPercent >= SATURATED_PERCENT ? ['server'] : []),
  ]
  if (saturated.length > 0) return saturated.join(' + ')
  const cap = commitCap(run)
  if (cap !== null && run.load.updatesPerSecond >= AT_CAP * cap) {
    return `commit interval (${run.commitIntervalMs} ms)`
  }
  const total = run.load.loadCpuPercent + run.cpuPercent + run.otherCpuPercent
  return total >= MACHINE_BUSY_PERCENT ? 'both cores' : 'round trip'
}

/** Accord's most updates/s in a closed loop: one window per commit interval. */
export function commitCap(run: SaturationRun): number | null {
  return run.commitIntervalMs ? (run.windowUpdates * 1000) / run.commitIntervalMs : null
}

/** The target; it is not enforced. */
export function p2Goals(rows: readonly P2Row[]): Goal[] {
  const accord = rows.find((row) => row.server === ACCORD)
  const peer = rows.find((row) => row.server === GOAL_PEER)
  const factor = ratio(accord?.deliveriesPerSecond, peer?.deliveriesPerSecond)
  return [
    {
      goal: `Accord deliveries/s ≥ ${GOAL_FACTOR} × Hocuspocus`,
      measured:
        `${fixed(accord?.deliveriesPerSecond, 0)} vs ${fixed(peer?.deliveriesPerSecond, 0)}/s: ` +
        times(factor),
      met: factor === null ? null : factor >= GOAL_FACTOR,
    },
  ]
}

export function p2Table(rows: readonly P2Row[]): string {
  const goalPeer = rows.find((row) => row.server === GOAL_PEER)
  const peer = bestPeer(rows, (row) => row.deliveriesPerSecond, 'higher')
  const ratioTo = (r: P2Row, value: number | null | undefined) =>
    r.server === ACCORD ? times(ratio(r.deliveriesPerSecond, value)) : ''
  return [
    '| scenario | server | writer updates/s | deliveries/s | deliveries × Hocuspocus | ' +
      'deliveries × better peer | fan-out p50 ms | fan-out p99 ms | server CPU % | RSS MB | ' +
      'load generator CPU % | load generator loop delay p99 ms | bound by | socket closes | ' +
      'diverged readers |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${P2_SCENARIO} | ${r.server} | ${fixed(r.updatesPerSecond, 0)} | ` +
        `${fixed(r.deliveriesPerSecond, 0)} | ${ratioTo(r, goalPeer?.deliveriesPerSecond)} | ` +
        `${ratioTo(r, peer?.value)} | ${fixed(r.fanOutP50Ms, 2)} | ${fixed(r.fanOutP99Ms, 2)} | ` +
        `${fixed(r.cpuPercent, 1)} | ${fixed(r.rssMb, 0)} | ${fixed(r.loadCpuPercent, 0)} | ` +
        `${fixed(r.eventLoopDelayP99Ms, 1)} | ${r.boundBy} | ${fixed(r.socketCloses, 0)} | ` +
        `${fixed(r.divergedReaders, 0)} |`,
    ),
  ].join('\n')
}

/** How the load went, server by server. */
export function p2Health(rows: readonly P2Row[]): string[] {
  return rows.map(
    (r) =>
      `${r.server}: ${fixed(r.missingDeliveries, 0)} deliveries missing after the drain, ` +
      `${fixed(r.socketCloses, 0)} socket closes and ${fixed(r.socketErrors, 0)} errors, ` +
      `longest wait for the slowest reader with the window full ${fixed(r.longestStallMs, 0)} ms, ` +
      `load generator CPU ${fixed(r.loadCpuPercent, 0)} % (event-loop delay p99 ` +
      `${fixed(r.eventLoopDelayP99Ms, 1)} ms), other processes ${fixed(r.otherCpuPercent, 0)} % ` +
      `CPU, steal ${fixed(r.stealPercent, 0)} %`,
  )
}

/** Anything in the runs that a reader of the numbers should know about. */
export function p2Problems(all: Partial<Record<ServerName, SaturationRun[]>>): string[] {
  const found: string[] = []
  for (const [server, runs] of Object.entries(all)) {
    runs.forEach((run, i) => {
      const at = `${server} run ${i + 1}`
      const { load } = run
      if (run.otherCpuPercent > BUSY_MACHINE_PERCENT) {
        found.push(
          `${at}: other processes used ${run.otherCpuPercent.toFixed(0)} % CPU in the window; ` +
            'the machine was busy, so the rates are low and the latencies unreliable',
        )
      }
      const cap = commitCap(run)
      if (cap !== null && load.updatesPerSecond >= AT_CAP * cap) {
        found.push(
          `${at}: held by its commit interval: ${run.windowUpdates} updates per ` +
            `${run.commitIntervalMs} ms = ${cap.toFixed(0)} updates/s at most, at ` +
            `${run.cpuPercent.toFixed(0)} % server CPU`,
        )
      }
      if (load.loadCpuPercent >= SATURATED_PERCENT) {
        found.push(
          `${at}: the load generator used ${load.loadCpuPercent.toFixed(0)} % CPU: its readers ` +
            'bounded the rate, so the server may have had more to give',
        )
      }
      for (const [message, count] of Object.entries(run.serverProblems)) {
        found.push(`${at}: server logged ${count} × ${message}`)
      }
      if (!/\((0|SIGTERM)\)$/.test(run.serverExit)) found.push(`${at}: server ${run.serverExit}`)
      for (const [code, count] of Object.entries(load.connectionCloses)) {
        found.push(`${at}: ${count} client socket(s) closed with code ${code}`)
      }
      if (load.connectionErrors > 0) {
        found.push(`${at}: ${load.connectionErrors} client socket error(s)`)
      }
      if (load.unmatchedStates > 0) {
        found.push(`${at}: ${load.unmatchedStates} reader states matched no writer update`)
      }
      if (load.missingDeliveries > 0) {
        found.push(`${at}: ${load.missingDeliveries} deliveries still missing after the drain`)
      }
      if (load.divergedReaders > 0) {
        found.push(`${at}: ${load.divergedReaders} readers' text differs from the writer's`)
      }
      if (load.tracePasses > 1) {
        found.push(`${at}: the writer went through the trace ${load.tracePasses} times`)
      }
    })
  }
  return found
}

/** What bench/results/p2-saturation.json holds. */
export interface P2Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  params: {
    clients: number
    windowUpdates: number
    /** COMMIT_INTERVAL_MS the Accord server ran with. */
    accordCommitIntervalMs: number
    warmupSeconds: number
    durationSeconds: number
    drainSeconds: number
    runs: number
    servers: ServerName[]
    tracePath: string
  }
  credit: string
  summary: P2Row[]
  goals: Goal[]
  problems: string[]
  runs: Partial<Record<ServerName, SaturationRun[]>>
}

/** P2's section of RESULTS.md, from the JSON file's contents. */
export function p2Section(json: P2Json): string[] {
  const { params } = json
  return [
    `## ${P2_SCENARIO}`,
    '',
    `Run on ${json.date}; every number in [results/p2-saturation.json](results/p2-saturation.json). ` +
      'See [saturation/README.md](saturation/README.md) for what is measured.',
    '',
    machineLine(json.machine, json.versions),
    '',
    `Parameters: ${params.clients} clients (one writer, ${params.clients - 1} readers), the ` +
      `writer at most ${params.windowUpdates} updates ahead of the slowest reader (closed loop), ` +
      `${params.warmupSeconds} s warm-up, ${params.durationSeconds} s measured, ${params.runs} ` +
      'run(s) per server (medians). Deliveries/s: writer updates observed by readers per second. ' +
      `"Bound by": the process at ≥ ${SATURATED_PERCENT} % of a core in the window (the load ` +
      'generator, whose readers then set the pace, or the server), "both cores" when everything ' +
      `together used ≥ ${MACHINE_BUSY_PERCENT} %, else "round trip" (the window over the time ` +
      'an update takes to reach the slowest reader).',
    '',
    ...(params.accordCommitIntervalMs > 0
      ? [
          `Accord commits, and fans out, at most every ${params.accordCommitIntervalMs} ms ` +
            '(`COMMIT_INTERVAL_MS`, its default): with the writer at most ' +
            `${params.windowUpdates} updates ahead, that caps it at ` +
            `${fixed((params.windowUpdates * 1000) / params.accordCommitIntervalMs, 0)} updates/s ` +
            `(× ${params.clients - 1} readers in deliveries/s), however idle its CPU; ` +
            '"commit interval" in "bound by" means it was held there.',
          '',
        ]
      : []),
    p2Table(json.summary),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
    '### Load and health',
    '',
    ...p2Health(json.summary).map((line) => `- ${line}`),
    ...json.problems.map((line) => `- ${line}`),
    '',
    '### Credit',
    '',
    json.credit,
    '',
  ]
}
