/** P6's table, goals, health lines and its section of RESULTS.md, from the runs. */
import { ACCORD, bestPeer, ratio, times } from '../compare.ts'
import { machineLine } from '../environment.ts'
import { goalLines, type Goal } from '../report.ts'
import type { ServerName } from '../servers.ts'
import { fixed, median } from '../stats.ts'
import { STORAGE, type ColdOpenRun } from './measure.ts'
import type { Settled } from './messages.ts'

export const P6_SCENARIO = 'P6 cold open'
export const GOAL_OPEN_MS = 100
export const GOAL_COPY_MB = 4
/** CPU (100 = one core) other processes may use during the opens before the run is suspect. */
const BUSY_MACHINE_PERCENT = 20

/** A run's numbers. */
export interface RunSummary {
  openMs: number | null
  openMaxMs: number | null
  syncedMs: number | null
  syncedEarly: number
  serverCpuMsPerOpen: number | null
  /** Growth per loaded copy of V8's heap plus memory outside it (Buffers, native), MB. */
  memoryPerCopyMb: number | null
  heapPerCopyMb: number | null
  rssPerCopyMb: number | null
  applyMs: number | null
}

export interface P6Row extends RunSummary {
  server: ServerName
  storage: string
  runs: number
  opens: number
  rssBeforeMb: number | null
  otherCpuPercent: number | null
  socketProblems: number
}

export function summarizeRun(run: ColdOpenRun): RunSummary {
  const perCopy = (pick: (m: Settled) => number) =>
    (pick(run.memoryLoaded) - pick(run.memoryBefore)) / run.loadedCopies
  return {
    openMs: median(run.opens.map((o) => o.openMs)),
    openMaxMs: Math.max(...run.opens.map((o) => o.openMs)),
    syncedMs: median(run.opens.map((o) => o.syncedMs)),
    syncedEarly: run.opens.filter((o) => o.syncedEarly).length,
    serverCpuMsPerOpen: run.serverCpuMsPerOpen,
    memoryPerCopyMb: perCopy((m) => m.heapUsedMb + m.externalMb),
    heapPerCopyMb: perCopy((m) => m.heapUsedMb),
    rssPerCopyMb: perCopy((m) => m.rssMb),
    applyMs: run.applyMs,
  }
}

export function summarizeColdOpen(server: ServerName, runs: readonly ColdOpenRun[]): P6Row {
  const summaries = runs.map(summarizeRun)
  const m = (pick: (s: RunSummary) => number | null) => median(summaries.map(pick))
  return {
    server,
    storage: STORAGE[server],
    runs: runs.length,
    opens: runs.reduce((sum, run) => sum + run.opens.length, 0),
    openMs: m((s) => s.openMs),
    openMaxMs: m((s) => s.openMaxMs),
    syncedMs: m((s) => s.syncedMs),
    syncedEarly: summaries.reduce((sum, s) => sum + s.syncedEarly, 0),
    serverCpuMsPerOpen: m((s) => s.serverCpuMsPerOpen),
    memoryPerCopyMb: m((s) => s.memoryPerCopyMb),
    heapPerCopyMb: m((s) => s.heapPerCopyMb),
    rssPerCopyMb: m((s) => s.rssPerCopyMb),
    applyMs: m((s) => s.applyMs),
    rssBeforeMb: median(runs.map((run) => run.memoryBefore.rssMb)),
    otherCpuPercent: median(runs.map((run) => run.otherCpuPercent)),
    socketProblems: runs.reduce(
      (sum, run) =>
        sum + Object.values(run.connectionCloses).reduce((a, b) => a + b, 0) + run.connectionErrors,
      0,
    ),
  }
}

export function p6Goals(rows: readonly P6Row[]): Goal[] {
  const accord = rows.find((row) => row.server === ACCORD)
  return [
    {
      goal: `Accord cold open of automerge-paper ≤ ${GOAL_OPEN_MS} ms (median)`,
      measured: `${fixed(accord?.openMs, 0)} ms`,
      met: accord?.openMs == null ? null : accord.openMs <= GOAL_OPEN_MS,
    },
    {
      goal: `Accord memory per loaded copy ≤ ${GOAL_COPY_MB} MB (V8 heap + external)`,
      measured:
        `${fixed(accord?.memoryPerCopyMb, 2)} MB (RSS ${fixed(accord?.rssPerCopyMb, 2)} MB ` +
        'per copy)',
      met: accord?.memoryPerCopyMb == null ? null : accord.memoryPerCopyMb <= GOAL_COPY_MB,
    },
  ]
}

export function p6Table(rows: readonly P6Row[]): string {
  const openPeer = bestPeer(rows, (row) => row.openMs, 'lower')
  const memoryPeer = bestPeer(rows, (row) => row.memoryPerCopyMb, 'lower')
  const accordOnly = (row: P6Row, text: string) => (row.server === ACCORD ? text : '')
  return [
    '| scenario | server | stored in | cold open ms | × better peer | max ms | "synced" ms | ' +
      'server CPU ms per open | MB per copy (heap + external) | × better peer | ' +
      'heap MB per copy | RSS MB per copy |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${P6_SCENARIO} | ${r.server} | ${r.storage} | ${fixed(r.openMs, 1)} | ` +
        `${accordOnly(r, times(ratio(r.openMs, openPeer?.value)))} | ${fixed(r.openMaxMs, 0)} | ` +
        `${fixed(r.syncedMs, 1)}${r.syncedEarly > 0 ? ' (before the content)' : ''} | ` +
        `${fixed(r.serverCpuMsPerOpen, 0)} | ${fixed(r.memoryPerCopyMb, 2)} | ` +
        `${accordOnly(r, times(ratio(r.memoryPerCopyMb, memoryPeer?.value)))} | ` +
        `${fixed(r.heapPerCopyMb, 2)} | ${fixed(r.rssPerCopyMb, 2)} |`,
    ),
  ].join('\n')
}

export function p6Health(rows: readonly P6Row[]): string[] {
  return rows.map(
    (r) =>
      `${r.server}: ${r.opens} cold opens over ${r.runs} run(s); the provider said "synced" ` +
      `before the document was complete in ${r.syncedEarly} of them; one client applies the ` +
      `document in ${fixed(r.applyMs, 1)} ms (inside every open); RSS with nothing loaded ` +
      `${fixed(r.rssBeforeMb, 0)} MB; ${r.socketProblems} socket closes/errors; other ` +
      `processes ${fixed(r.otherCpuPercent, 0)} % CPU during the opens`,
  )
}

export function p6Problems(all: Partial<Record<ServerName, ColdOpenRun[]>>): string[] {
  const found: string[] = []
  for (const [server, runs] of Object.entries(all)) {
    runs.forEach((run, i) => {
      const at = `${server} run ${i + 1}`
      if (run.otherCpuPercent > BUSY_MACHINE_PERCENT) {
        found.push(
          `${at}: other processes used ${run.otherCpuPercent.toFixed(0)} % CPU during the ` +
            'cold opens; the machine was busy, so times are unreliable',
        )
      }
      if (run.roomsLoaded !== null && run.roomsLoaded !== run.loadedCopies) {
        found.push(`${at}: ${run.roomsLoaded} rooms loaded for ${run.loadedCopies} copies opened`)
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

/** What bench/results/p6-cold-open.json holds. */
export interface P6Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  params: {
    storedCopies: number
    opens: number
    documentBytes: number | null
    textLength: number | null
    runs: number
    servers: ServerName[]
    accordEnv: Record<string, string>
  }
  credit: string
  summary: P6Row[]
  goals: Goal[]
  problems: string[]
  runs: Partial<Record<ServerName, ColdOpenRun[]>>
}

export function p6Section(json: P6Json): string[] {
  const { params } = json
  const kb = params.documentBytes == null ? '–' : (params.documentBytes / 1024).toFixed(0)
  return [
    `## ${P6_SCENARIO}`,
    '',
    `Run on ${json.date}; every number in [results/p6-cold-open.json](results/p6-cold-open.json). ` +
      'How it is measured: [cold-open/README.md](cold-open/README.md).',
    '',
    machineLine(json.machine, json.versions),
    '',
    `Parameters: ${params.storedCopies} rooms each store one automerge-paper (${kb} KB as a Yjs ` +
      `update, ${params.textLength ?? '–'} characters); ${params.opens} cold opens per run, one ` +
      'at a time, each of a room nobody has open (Accord: `accord_rooms` 0 on /metrics; the ' +
      'peers unload on the last disconnect, waited 1 s); then all ' +
      `${params.storedCopies} loaded with one client each for the memory per copy (after forced ` +
      `full garbage collections). ${params.runs} run(s) per server, medians. The peers keep ` +
      'documents in memory by default; here each uses its own documented persistence. ' +
      '"Cold open": from creating the client to its text holding the whole document, the ' +
      "client's own Yjs apply included.",
    '',
    p6Table(json.summary),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
    '### Load and health',
    '',
    ...p6Health(json.summary).map((line) => `- ${line}`),
    ...json.problems.map((line) => `- ${line}`),
    '',
    '### Credit',
    '',
    json.credit,
    '',
  ]
}
