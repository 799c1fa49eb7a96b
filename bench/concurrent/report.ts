/**
 * P8's table, goals, health lines and problems from its runs, its JSON file, and its section
 * of RESULTS.md (written from that file).
 */
import { ACCORD, bestPeer, ratio, times } from '../compare.ts'
import { machineLine } from '../environment.ts'
import { goalLines, type Goal } from '../report.ts'
import type { ServerName } from '../servers.ts'
import { fixed, median } from '../stats.ts'
import type { P8Run } from './measure.ts'
import type { TraceName } from './trace.ts'

export const P8_TITLE = 'P8 concurrent typists'
/** The fan-out goal the issue sets for Accord, ms. */
export const FAN_OUT_GOAL_MS = 15
/** CPU (100 = one core) other processes may use during a run before its latencies are suspect. */
const BUSY_MACHINE_PERCENT = 20

/** Required by CC BY 4.0 wherever figures measured with the traces are published. */
export const traceCredits: Record<TraceName, string> = {
  clownschool:
    'Editing trace "clownschool" (two people typing into one document at the same time, ' +
    'with 0.5 s of simulated latency) from the josephg/editing-traces collection, used ' +
    'under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
  friendsforever:
    'Editing trace "friendsforever" (two people typing into one document at the same time, ' +
    'with 1 s of simulated latency) from the josephg/editing-traces collection, used under ' +
    'CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
}

export interface Params {
  traces: TraceName[]
  servers: ServerName[]
  runs: number
  speedup: number
  editsPerSecondWithoutTimestamps: number
  drainSeconds: number
  /** Per trace: agents (one client each), edits, and how its pace was found. */
  traceInfo: Record<string, { agents: number; edits: number; pace: string }>
}

/** Medians over one server's runs of one trace (sums where a count of trouble is kept). */
export interface Row {
  trace: TraceName
  server: ServerName
  runs: number
  /** Runs in which every client ended with exactly the trace's endContent. */
  runsWithEndContent: number
  fanOutP50Ms: number | null
  fanOutP99Ms: number | null
  fanOutMaxMs: number | null
  cpuPercent: number | null
  durationSeconds: number | null
  scheduledSeconds: number | null
  rssMb: number | null
  /** Socket closes and errors over all runs. */
  socketProblems: number
  /** Deliveries still missing and edits never sent when runs ended, over all runs. */
  missingDeliveries: number
  unsentEdits: number
  parentWaits: number | null
  parentWaitP99Ms: number | null
  timerLateP99Ms: number | null
  loadCpuPercent: number | null
  eventLoopDelayP99Ms: number | null
  otherCpuPercent: number | null
  stealPercent: number | null
}

export interface P8Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  params: Params
  credits: string[]
  summary: Row[]
  goals: Goal[]
  problems: string[]
  runs: P8Run[]
}

const allEndContent = (run: P8Run) => run.load.clients.every((client) => client.equalsEndContent)

export function summarize(trace: TraceName, server: ServerName, runs: readonly P8Run[]): Row {
  const m = (pick: (run: P8Run) => number | null | undefined) =>
    median(runs.map((run) => pick(run) ?? null))
  const sum = (pick: (run: P8Run) => number) => runs.reduce((total, run) => total + pick(run), 0)
  return {
    trace,
    server,
    runs: runs.length,
    runsWithEndContent: runs.filter(allEndContent).length,
    fanOutP50Ms: m((r) => r.load.fanOut.p50),
    fanOutP99Ms: m((r) => r.load.fanOut.p99),
    fanOutMaxMs: m((r) => r.load.fanOut.max),
    cpuPercent: m((r) => r.cpuPercent),
    durationSeconds: m((r) => r.load.durationSeconds),
    scheduledSeconds: m((r) => r.load.scheduledSeconds),
    rssMb: m((r) => r.memory?.rssMb),
    socketProblems: sum(
      (r) =>
        Object.values(r.load.connectionCloses).reduce((a, b) => a + b, 0) + r.load.connectionErrors,
    ),
    missingDeliveries: sum((r) => r.load.missingDeliveries),
    unsentEdits: sum((r) => r.load.unsentEdits),
    parentWaits: m((r) => r.load.parentWait.count),
    parentWaitP99Ms: m((r) => r.load.parentWait.p99),
    timerLateP99Ms: m((r) => r.load.timerLate.p99),
    loadCpuPercent: m((r) => r.load.loadCpuPercent),
    eventLoopDelayP99Ms: m((r) => r.load.eventLoopDelayP99Ms),
    otherCpuPercent: m((r) => r.otherCpuPercent),
    stealPercent: m((r) => r.stealPercent),
  }
}

/** The targets Accord reports against, per trace; they are not enforced. */
export function goals(rows: readonly Row[], traces: readonly TraceName[]): Goal[] {
  return traces.flatMap((trace) => {
    const accord = rows.find((row) => row.trace === trace && row.server === ACCORD)
    return [
      {
        goal: `${trace}: every Accord client's final text equals endContent, in every run`,
        measured: accord ? `${accord.runsWithEndContent}/${accord.runs} runs` : 'not run',
        met: accord ? accord.runsWithEndContent === accord.runs : null,
      },
      {
        goal: `${trace}: Accord p99 fan-out ≤ ${FAN_OUT_GOAL_MS} ms`,
        measured: `${fixed(accord?.fanOutP99Ms, 2)} ms`,
        met: accord?.fanOutP99Ms == null ? null : accord.fanOutP99Ms <= FAN_OUT_GOAL_MS,
      },
    ]
  })
}

export function table(rows: readonly Row[]): string {
  const lines = [
    '| trace | server | final text = endContent | p50 ms | p99 ms | p99 × better peer | max ms ' +
      '| CPU % | CPU × better peer | duration s (scheduled) | socket closes/errors |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  for (const row of rows) {
    const sameTrace = rows.filter((other) => other.trace === row.trace)
    const p99Peer = bestPeer(sameTrace, (r) => r.fanOutP99Ms, 'lower')
    const cpuPeer = bestPeer(sameTrace, (r) => r.cpuPercent, 'lower')
    const accord = row.server === ACCORD
    lines.push(
      `| ${row.trace} | ${row.server} | ${row.runsWithEndContent}/${row.runs} runs | ` +
        `${fixed(row.fanOutP50Ms, 2)} | ${fixed(row.fanOutP99Ms, 2)} | ` +
        `${accord ? times(ratio(row.fanOutP99Ms, p99Peer?.value)) : ''} | ` +
        `${fixed(row.fanOutMaxMs, 1)} | ${fixed(row.cpuPercent, 1)} | ` +
        `${accord ? times(ratio(row.cpuPercent, cpuPeer?.value)) : ''} | ` +
        `${fixed(row.durationSeconds, 1)} (${fixed(row.scheduledSeconds, 1)}) | ` +
        `${row.socketProblems} |`,
    )
  }
  return lines.join('\n')
}

/** Whether the replay ran as planned, and whether the load generator or machine got in the way. */
export function health(rows: readonly Row[]): string[] {
  return rows.map(
    (r) =>
      `${r.trace} on ${r.server}: ${fixed(r.parentWaits, 0)} edits waited for their parents ` +
      `(p99 ${fixed(r.parentWaitP99Ms, 1)} ms), timers late p99 ${fixed(r.timerLateP99Ms, 1)} ms, ` +
      `${r.missingDeliveries} deliveries missing and ${r.unsentEdits} edits unsent at the end, ` +
      `server RSS ${fixed(r.rssMb, 0)} MB, load generator CPU ${fixed(r.loadCpuPercent, 0)} % ` +
      `(event-loop delay p99 ${fixed(r.eventLoopDelayP99Ms, 1)} ms), other processes ` +
      `${fixed(r.otherCpuPercent, 0)} % CPU, steal ${fixed(r.stealPercent, 0)} %`,
  )
}

/** Anything in the runs a reader of the numbers must know about. */
export function findProblems(runs: readonly P8Run[]): string[] {
  const found: string[] = []
  const count = new Map<string, number>()
  for (const run of runs) {
    const n = (count.get(`${run.trace}/${run.server}`) ?? 0) + 1
    count.set(`${run.trace}/${run.server}`, n)
    const at = `${run.trace} on ${run.server}, run ${n}`
    const { load } = run
    if (run.otherCpuPercent > BUSY_MACHINE_PERCENT) {
      found.push(
        `${at}: other processes used ${run.otherCpuPercent.toFixed(0)} % CPU during the ` +
          'replay; the machine was busy, so latencies are unreliable',
      )
    }
    for (const [message, times] of Object.entries(run.serverProblems)) {
      found.push(`${at}: server logged ${times} × ${message}`)
    }
    if (!/\((0|SIGTERM)\)$/.test(run.serverExit)) found.push(`${at}: server ${run.serverExit}`)
    for (const [code, times] of Object.entries(load.connectionCloses)) {
      found.push(`${at}: ${times} client socket(s) closed with code ${code}`)
    }
    if (load.connectionErrors > 0) found.push(`${at}: ${load.connectionErrors} socket error(s)`)
    if (!load.finished) {
      found.push(
        `${at}: not finished when the drain ran out: ${load.missingDeliveries} deliveries ` +
          `missing, ${load.unsentEdits} edits never sent (their parents never arrived)`,
      )
    }
    if (!load.clientsAgree) found.push(`${at}: the clients' final texts differ from each other`)
    for (const client of load.clients) {
      if (client.equalsEndContent) continue
      const d = client.difference!
      found.push(
        `${at}: agent ${client.agent}'s text (${client.length} characters) differs from ` +
          `endContent at ${d.at}: ${JSON.stringify(d.text)} instead of ${JSON.stringify(d.endContent)}`,
      )
    }
    if (load.untimedDeliveries > 0) {
      found.push(`${at}: ${load.untimedDeliveries} deliveries could not be timed (see README)`)
    }
  }
  return found
}

export function section(json: P8Json): string[] {
  const { params } = json
  const traceLines = params.traces.map((trace) => {
    const info = params.traceInfo[trace]!
    return `- ${trace}: ${info.agents} agents (one client each), ${info.edits} edits; ${info.pace}`
  })
  return [
    `## ${P8_TITLE}`,
    '',
    `Run on ${json.date}; every number in ` +
      '[results/p8-concurrent-typists.json](results/p8-concurrent-typists.json). See ' +
      '[concurrent/README.md](concurrent/README.md) for how the traces are replayed.',
    '',
    machineLine(json.machine, json.versions),
    '',
    `Parameters: each trace replayed live, one client per agent, at ${params.speedup}× its ` +
      `recorded pace; a fresh server per run; ${params.runs} run(s) per server and trace ` +
      `(medians; socket problems summed). Fan-out: an edit sent by one client → another client ` +
      'holds it, every edit and every other client.',
    '',
    ...traceLines,
    '',
    table(json.summary),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
    '### Load and health',
    '',
    ...health(json.summary).map((line) => `- ${line}`),
    ...json.problems.map((line) => `- ${line}`),
    '',
    '### Credit',
    '',
    ...json.credits.flatMap((line) => [line, '']),
  ]
}
