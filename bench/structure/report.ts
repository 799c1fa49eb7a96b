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
  const { cold, warm, year } = result
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
  ]
}

export function s1Table(result: StructureResult): string {
  const { cold, warm, year } = result
  const ms = (value: number) => value.toFixed(1)
  const phases = (t: { readMs: number; contextMs: number; extractMs: number; storeMs: number }) =>
    `${ms(t.readMs)} | ${ms(t.contextMs)} | ${ms(t.extractMs)} | ${ms(t.storeMs)}`
  return [
    '| scenario | measure | total ms | read ms | context ms | extract ms | store ms |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    `| ${S1_SCENARIO} | one meeting, first after start-up | ${ms(cold.totalMs)} | ${phases(cold)} |`,
    `| ${S1_SCENARIO} | one meeting, warm median | ${ms(warm.medianMs)} | ${phases(warm.phasesMedianMs)} |`,
    `| ${S1_SCENARIO} | one meeting, warm p95 | ${ms(warm.p95Ms)} | | | | |`,
    `| ${S1_SCENARIO} | ${year.meetings} meetings, first projection | ${ms(year.firstMs)} | | | | |`,
    `| ${S1_SCENARIO} | ${year.meetings} meetings re-projected, median | ${ms(year.medianMs)} | | | | |`,
  ].join('\n')
}

/** What was projected, and whether each run really changed rows. */
export function s1Details(result: StructureResult): string[] {
  const { meeting, warm, year, params, rowsStored } = result
  return [
    `One meeting: ${meeting.words} words in ${meeting.blocks} blocks → ${meeting.actions} actions, ` +
      `${meeting.asks} asks, ${meeting.decisions} decisions.`,
    `Warm: ${params.repetitions} projections after ${params.warmupRepetitions} unrecorded ones, ` +
      `each after an edit; the rows changed in ${warm.repetitionsChanged} of them; ` +
      `max ${warm.maxMs.toFixed(1)} ms.`,
    `Year: ${year.meetings} meetings, ${year.words} words, each edited before a run; runs ` +
      `${year.runsMs.map((ms) => ms.toFixed(0)).join(', ')} ms; slowest meeting in a run ` +
      `${year.slowestMeetingMedianMs.toFixed(1)} ms (median); meetings whose rows changed per ` +
      `run ${year.meetingsChangedPerRun.join(', ')}.`,
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
