/**
 * P4's table, goals and health lines from its runs, its JSON file, and its section of
 * RESULTS.md from that file.
 */
import { ACCORD, bestPeer, ratio, times } from '../compare.ts'
import { machineLine } from '../environment.ts'
import { goalLines, type Goal } from '../report.ts'
import type { ServerName } from '../servers.ts'
import { fixed, median } from '../stats.ts'
import type { AwarenessRun } from './measure.ts'
import type { AwarenessParams } from './params.ts'

export const P4_TITLE = 'P4 awareness'
const CPU_GOAL_PERCENT = 15
/** CPU (100 = one core) other processes may use during a window before the run is suspect. */
const BUSY_MACHINE_PERCENT = 20
/** Load generator event-loop delay p99 past which its own lateness shows in the latencies. */
const LATE_GENERATOR_MS = 20
/** Share of the planned moves per second the load generator must make for a fair run. */
const PACE_KEPT = 0.98

/** Medians over one server's runs. */
export interface Row {
  server: ServerName
  runs: number
  cpuPercent: number | null
  rssMb: number | null
  deliveredPercent: number | null
  supersededPercent: number | null
  lost: number | null
  latencyP50Ms: number | null
  latencyP99Ms: number | null
  exactP99Ms: number | null
  deliveriesPerSecond: number | null
  moveRate: number | null
  altered: number | null
  socketProblems: number | null
  loadCpuPercent: number | null
  eventLoopDelayP99Ms: number | null
  otherCpuPercent: number | null
  stealPercent: number | null
  userFields: string[]
}

export type Params = Omit<AwarenessParams, 'syncUrl' | 'protocol' | 'room' | 'headers'> & {
  runs: number
  /** The servers ran under the CPU profiler (`--profile`), which costs CPU of its own. */
  profiled: boolean
}

/** What bench/results/p4-awareness.json holds. */
export interface P4Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  params: Params
  summary: Row[]
  goals: Goal[]
  problems: string[]
  runs: Partial<Record<ServerName, AwarenessRun[]>>
}

export function summarizeRuns(server: ServerName, runs: readonly AwarenessRun[]): Row {
  const m = (pick: (run: AwarenessRun) => number | null | undefined) =>
    median(runs.map((run) => pick(run) ?? null))
  const share = (run: AwarenessRun, count: number) =>
    run.load.expected > 0 ? (count / run.load.expected) * 100 : null
  return {
    server,
    runs: runs.length,
    cpuPercent: m((r) => r.cpuPercent),
    rssMb: m((r) => r.memory?.rssMb),
    deliveredPercent: m((r) => share(r, r.load.seenExactly + r.load.superseded)),
    supersededPercent: m((r) => share(r, r.load.superseded)),
    lost: m((r) => r.load.lost),
    latencyP50Ms: m((r) => r.load.latency.p50),
    latencyP99Ms: m((r) => r.load.latency.p99),
    exactP99Ms: m((r) => r.load.exactLatency.p99),
    deliveriesPerSecond: m((r) => r.load.deliveriesPerSecond),
    moveRate: m((r) => r.load.moveRate),
    altered: m((r) => r.load.altered),
    socketProblems: m(
      (r) =>
        Object.values(r.load.connectionCloses).reduce((a, b) => a + b, 0) + r.load.connectionErrors,
    ),
    loadCpuPercent: m((r) => r.load.loadCpuPercent),
    eventLoopDelayP99Ms: m((r) => r.load.eventLoopDelayP99Ms),
    otherCpuPercent: m((r) => r.otherCpuPercent),
    stealPercent: m((r) => r.stealPercent),
    userFields: [...new Set(runs.flatMap((r) => r.load.userFields))].sort(),
  }
}

/** The goal: every move delivered, at no more than 15 % of a core. Not enforced. */
export function goals(rows: readonly Row[]): Goal[] {
  const accord = rows.find((row) => row.server === ACCORD)
  const delivered = accord?.deliveredPercent
  const lost = accord?.lost
  return [
    {
      goal: 'Accord delivers 100 % of cursor moves (none lost)',
      measured: `${percent(delivered, 3)} delivered, ${fixed(lost, 0)} lost`,
      met: delivered == null || lost == null ? null : lost === 0,
    },
    {
      goal: `Accord CPU ≤ ${CPU_GOAL_PERCENT} %`,
      measured: `${fixed(accord?.cpuPercent, 1)} %`,
      met: accord?.cpuPercent == null ? null : accord.cpuPercent <= CPU_GOAL_PERCENT,
    },
  ]
}

export function table(rows: readonly Row[]): string {
  const peer = bestPeer(rows, (row) => row.cpuPercent, 'lower')
  return [
    '| scenario | server | CPU % | CPU × better peer | delivered % | superseded % | lost | ' +
      'p50 ms | p99 ms | RSS MB |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${P4_TITLE} | ${r.server} | ${fixed(r.cpuPercent, 1)} | ` +
        `${r.server === ACCORD ? times(ratio(r.cpuPercent, peer?.value)) : ''} | ` +
        `${fixed(r.deliveredPercent, 2)} | ${fixed(r.supersededPercent, 2)} | ${fixed(r.lost, 0)} | ` +
        `${fixed(r.latencyP50Ms, 2)} | ${fixed(r.latencyP99Ms, 2)} | ${fixed(r.rssMb, 0)} |`,
    ),
  ].join('\n')
}

/** Whether the load was what was asked for, and what could make the numbers untrustworthy. */
export function health(rows: readonly Row[], params: Params): string[] {
  const planned = params.clients * params.movesPerSecond
  return rows.map(
    (r) =>
      `${r.server}: ${fixed(r.moveRate, 0)} of ${planned} moves/s made, ` +
      `${fixed(r.deliveriesPerSecond, 0)} states received/s (planned ${planned * (params.clients - 1)}), ` +
      `p99 of moves seen exactly ${fixed(r.exactP99Ms, 2)} ms, ` +
      `${fixed(r.altered, 0)} states altered, user fields received: ${r.userFields.join(', ') || '–'}, ` +
      `${fixed(r.socketProblems, 0)} socket closes/errors, ` +
      `load generator CPU ${fixed(r.loadCpuPercent, 0)} % ` +
      `(event-loop delay p99 ${fixed(r.eventLoopDelayP99Ms, 1)} ms), ` +
      `other processes ${fixed(r.otherCpuPercent, 0)} % CPU, steal ${fixed(r.stealPercent, 0)} %`,
  )
}

/** Anything in the runs a reader of the numbers must know about. */
export function findProblems(
  all: Partial<Record<ServerName, AwarenessRun[]>>,
  params: Params,
): string[] {
  const planned = params.clients * params.movesPerSecond
  const found: string[] = []
  if (params.profiled) {
    found.push('the servers ran under the CPU profiler (--profile): their CPU includes its cost')
  }
  for (const [server, runs] of Object.entries(all)) {
    runs.forEach((run, i) => {
      const at = `${server} run ${i + 1}`
      const { load } = run
      if (run.otherCpuPercent > BUSY_MACHINE_PERCENT) {
        found.push(
          `${at}: other processes used ${run.otherCpuPercent.toFixed(0)} % CPU in the window; ` +
            'the machine was busy, so latencies are unreliable',
        )
      }
      if (load.moveRate < PACE_KEPT * planned) {
        found.push(
          `${at}: the load generator made ${load.moveRate.toFixed(0)} of ${planned} moves/s: it ` +
            'fell behind, so the server had less to do and the latencies include its lateness',
        )
      }
      if (load.eventLoopDelayP99Ms > LATE_GENERATOR_MS) {
        found.push(
          `${at}: the load generator's event loop ran ${load.eventLoopDelayP99Ms.toFixed(0)} ms ` +
            'late (p99): its own delay is in the latencies',
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
      if (load.lost > 0) {
        found.push(`${at}: ${load.lost} of ${load.expected} move deliveries lost`)
      }
      if (load.altered > 0) {
        found.push(`${at}: ${load.altered} received states had a cursor or colour not as sent`)
      }
    })
  }
  return found
}

/** P4's section of RESULTS.md, from the JSON file's contents. */
export function section(json: P4Json): string[] {
  const { params } = json
  return [
    `## ${P4_TITLE}`,
    '',
    `Run on ${json.date}; every number in [results/p4-awareness.json](results/p4-awareness.json); ` +
      'how it is measured in [awareness/README.md](awareness/README.md).',
    '',
    machineLine(json.machine, json.versions),
    '',
    `Parameters: ${params.clients} clients in one room (joining over ` +
      `${params.joinSpreadMs / 1000} s), each moving its cursor ${params.movesPerSecond} times a ` +
      `second, the moves spread evenly; ${params.warmupSeconds} s warm-up, ` +
      `${params.durationSeconds} s measured, up to ${params.drainSeconds} s drain; ` +
      `${params.runs} run(s) per server (medians). Delivered = the other client received the ` +
      'move or a newer state of the mover (superseded); p50/p99 from the move to either.',
    '',
    table(json.summary),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
    '### Load and health',
    '',
    ...health(json.summary, params).map((line) => `- ${line}`),
    ...json.problems.map((line) => `- ${line}`),
    '',
  ]
}

function percent(value: number | null | undefined, digits: number): string {
  return value == null ? '–' : `${value.toFixed(digits)} %`
}
