/**
 * Scenario S1's table, its goals, bench/results/s1-structure.json and its section of
 * bench/RESULTS.md.
 */
import { writeResultsJson } from '../scenario.ts'
import path from 'node:path'
import { goalLines, type Goal } from '../report.ts'
import { repoRoot } from '../traces.ts'
import type { StructureResult } from './measure.ts'

export const S1_SCENARIO = 'S1 structure'
export const s1ResultsFile = path.join(repoRoot, 'bench/results/s1-structure.json')

export interface S1Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  goals: Goal[]
  result: StructureResult
}

export function s1Goals(result: StructureResult): Goal[] {
  const { cold, warm, year, long } = result
  return [
    {
      goal: 'one 3,000-word meeting extracted and projected ≤ 50 ms (warm p95)',
      measured: `${warm.p95Ms.toFixed(1)} ms`,
      met: warm.p95Ms <= 50,
    },
    {
      goal: 'one 3,000-word meeting, first projection after start-up ≤ 50 ms',
      measured: `${cold.totalMs.toFixed(1)} ms`,
      met: cold.totalMs <= 50,
    },
    {
      goal: `a year of ${year.meetings} meetings re-projected ≤ 1 s (median of ${year.runsMs.length})`,
      measured: `${(year.medianMs / 1000).toFixed(2)} s`,
      met: year.medianMs <= 1000,
    },
    {
      goal: `one ${thousands(long.meeting.words)}-word meeting projected < 2 s (median of ${long.worker.runsMs.length})`,
      measured: `${(long.worker.medianMs / 1000).toFixed(2)} s`,
      met: long.worker.medianMs < 2000,
    },
    {
      goal: 'the event loop held ≤ 100 ms at a time while it is projected',
      measured: `${long.worker.longestBlockMs.toFixed(1)} ms at most`,
      met: long.worker.longestBlockMs <= 100,
    },
  ]
}

export function s1Table(result: StructureResult): string {
  const { cold, warm, year, long } = result
  const ms = (value: number) => value.toFixed(1)
  const phases = (t: { copyMs: number; contextMs: number; extractMs: number; storeMs: number }) =>
    `${ms(t.copyMs)} | ${ms(t.contextMs)} | ${ms(t.extractMs)} | ${ms(t.storeMs)}`
  const words = thousands(long.meeting.words)
  const longRow = (where: string, runs: StructureResult['long']['worker']) =>
    `| ${S1_SCENARIO} | ${words} words, ${where}, median | ${ms(runs.medianMs)} | | | ` +
    `${ms(runs.extractMedianMs)} | | ${ms(runs.longestBlockMs)} |`
  return [
    '| scenario | measure | total ms | copy ms | context ms | extract ms | store ms | loop held ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${S1_SCENARIO} | one meeting, first after start-up | ${ms(cold.totalMs)} | ${phases(cold)} | |`,
    `| ${S1_SCENARIO} | one meeting, warm median | ${ms(warm.medianMs)} | ${phases(warm.phasesMedianMs)} | |`,
    `| ${S1_SCENARIO} | one meeting, warm p95 | ${ms(warm.p95Ms)} | | | | | |`,
    `| ${S1_SCENARIO} | ${year.meetings} meetings, first projection | ${ms(year.firstMs)} | | | | | |`,
    `| ${S1_SCENARIO} | ${year.meetings} meetings re-projected, median | ${ms(year.medianMs)} | | | | | |`,
    longRow('in a worker', long.worker),
    longRow('extract on the main thread (before workers)', long.mainThread),
  ].join('\n')
}

/** What was projected, and whether each run really changed rows. */
export function s1Details(result: StructureResult): string[] {
  const { meeting, warm, year, params, rowsStored, long } = result
  const list = (values: number[]) => values.map((value) => value.toFixed(0)).join(', ')
  return [
    `${result.workers} extraction worker(s), warmed up and ready ${result.workerStartMs.toFixed(0)} ms ` +
      `after they were started; "extract" is a worker's round trip (the stored updates applied, ` +
      `read with the schema, extracted, listed) and "copy" the main thread's read of them ` +
      `from SQLite with the document's revision.`,
    `One meeting: ${meeting.words} words in ${meeting.blocks} blocks → ${meeting.actions} actions, ` +
      `${meeting.asks} asks, ${meeting.decisions} decisions.`,
    `Warm: ${params.repetitions} projections after ${params.warmupRepetitions} unrecorded ones, ` +
      `each after an edit; the rows changed in ${warm.repetitionsChanged} of them; ` +
      `max ${warm.maxMs.toFixed(1)} ms.`,
    `Year: ${year.meetings} meetings, ${year.words} words, each edited before a run; runs ` +
      `${year.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms; slowest meeting in a run ` +
      `${year.slowestMeetingMedianMs.toFixed(1)} ms (median); meetings whose rows changed per ` +
      `run ${year.meetingsChangedPerRun.join(', ')}.`,
    `Long: ${long.meeting.words} words in ${long.meeting.blocks} blocks → ` +
      `${long.meeting.actions} actions, ${long.meeting.asks} asks, ${long.meeting.decisions} ` +
      `decisions; ${long.params.runs} projections each way after one unrecorded, each after an ` +
      `edit. In a worker: ${list(long.worker.runsMs)} ms, loop held at most ` +
      `${list(long.worker.longestBlocksMs)} ms (longest gap on the clock ` +
      `${list(long.worker.longestGapsMs)} ms). Extract on the main thread: ` +
      `${list(long.mainThread.runsMs)} ms, loop held ${list(long.mainThread.longestBlocksMs)} ms ` +
      `(on the clock ${list(long.mainThread.longestGapsMs)} ms).`,
    `Rows stored at the end: ${rowsStored.actions} actions, ${rowsStored.asks} asks, ` +
      `${rowsStored.decisions} decisions; projector warnings or errors: ${result.problems.length}.`,
  ]
}

export function writeS1Json(json: S1Json): string {
  return writeResultsJson(s1ResultsFile, json)
}

/** The section of RESULTS.md, from the JSON file's contents. */
export function s1Section(json: S1Json): string[] {
  const m = json.machine
  return [
    `## ${S1_SCENARIO}`,
    '',
    `Run on ${json.date}; every number in [results/s1-structure.json](results/s1-structure.json).`,
    '',
    `Machine: ${m.cpus} × ${m.cpuModel}, Node ${m.node}, load average ` +
      `${Number(m.loadAverage1m).toFixed(2)} at the start. Accord ${json.versions.accord}.`,
    '',
    s1Table(json.result),
    '',
    ...s1Details(json.result).map((line) => `- ${line}`),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
  ]
}

const thousands = (value: number) => value.toLocaleString('en-GB')
