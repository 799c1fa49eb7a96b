/**
 * Scenario W1, live pass: how long the browser takes to read about 3,000 words of minutes again
 * after a change and redraw the suggestions, and what the language model costs the page. See
 * README.md beside this file.
 */
import path from 'node:path'
import { machine, versions } from '../environment.ts'
import type { BenchOptions } from '../options.ts'
import { removeFolder } from '../processes.ts'
import { goalLines } from '../report.ts'
import { writeResultsJson, type Scenario } from '../scenario.ts'
import { fixed } from '../stats.ts'
import { repoRoot } from '../traces.ts'
import { buildClient } from './client-build.ts'
import { EDIT_TEXT, EDITS, measureLivePass, type LivePassRun } from './measure.ts'
import { minutesOfAbout } from './minutes.ts'
import {
  chunkTable,
  summarizeBuild,
  summarizeLivePass,
  W1_SCENARIO,
  w1Goals,
  w1Health,
  w1Problems,
  w1Section,
  w1Table,
  warmMedianOf,
  type W1Json,
} from './report.ts'

const resultsFile = path.join(repoRoot, 'bench/results/w1-live-pass.json')
/** The size: a long meeting's minutes. */
const TARGET_WORDS = 3000

export const scenario: Scenario<W1Json> = {
  title: W1_SCENARIO,
  resultsFile,
  run,
  section: w1Section,
}

async function run(options: BenchOptions): Promise<string> {
  const startedAt = new Date().toISOString()
  const host = machine()
  const minutes = minutesOfAbout(TARGET_WORDS)
  console.log(
    `${minutes.words} words of sample minutes, ${EDITS} edits per run, ${options.runs} run(s), ` +
      `Accord only; ${host.cpus} × ${host.cpuModel}, Node ${host.node}, load average ` +
      `${host.loadAverage1m.toFixed(2)}`,
  )
  console.log('Building the web client (vite build) into a temporary folder …')
  const build = buildClient()
  console.log(`Built in ${(build.buildMs / 1000).toFixed(1)} s`)

  const runs: LivePassRun[] = []
  try {
    for (let i = 1; i <= options.runs; i++) {
      console.log(`[accord] run ${i}/${options.runs} …`)
      const result = await measureLivePass(build, minutes)
      runs.push(result)
      const passes = result.edits.reduce((sum, edit) => sum + edit.passesMs.length, 0)
      console.log(
        `[accord] cold pass ${fixed(result.coldMs, 0)} ms, warm median ` +
          `${fixed(warmMedianOf(result), 1)} ms over ${passes} passes, model fetched in ` +
          `${fixed(result.model?.fetchMs, 0)} ms`,
      )
    }
  } finally {
    removeFolder(build.dist)
  }

  const summary = summarizeLivePass(runs)
  const buildSummary = summarizeBuild(build, runs)
  const goals = w1Goals(summary)
  const problems = w1Problems(runs)
  console.log(`\n${w1Table(summary, buildSummary)}\n\n${chunkTable(buildSummary)}\n`)
  for (const line of [...goalLines(goals), ...w1Health(summary), ...problems]) console.log(line)

  const json: W1Json = {
    scenario: W1_SCENARIO,
    date: startedAt,
    machine: host,
    versions: versions(),
    params: {
      words: minutes.words,
      sampleCopies: minutes.copies,
      editsPerRun: EDITS,
      editText: EDIT_TEXT,
      runs: options.runs,
      chromium: runs[0]?.chromium ?? null,
    },
    summary,
    build: buildSummary,
    goals,
    problems,
    runs,
  }
  return writeResultsJson(resultsFile, json)
}
