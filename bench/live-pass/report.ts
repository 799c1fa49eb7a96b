/** W1's summary, table, goals, health lines and its section of RESULTS.md, from the runs. */
import { machineLine } from '../environment.ts'
import { goalLines, type Goal } from '../report.ts'
import { fixed, median, percentile } from '../stats.ts'
import type { Chunk } from './client-build.ts'
import type { LivePassRun } from './measure.ts'

export const W1_SCENARIO = 'W1 live pass'
/** The target: the browser's live pass on 3,000 words, once the model is warm. */
export const GOAL_WARM_MS = 30
/** CPU (100 = one core) other processes may use during a run before its times are suspect. */
const BUSY_MACHINE_PERCENT = 20

const thousands = (n: number | null | undefined) =>
  n == null || !Number.isFinite(n) ? '–' : Math.round(n).toLocaleString('en-GB')
/** kB as Vite prints them: 1,000 bytes. */
const kB = (bytes: number | null | undefined) => thousands(bytes == null ? null : bytes / 1000)

export interface W1Summary {
  runs: number
  words: number | null
  paragraphs: number | null
  edits: number
  /** Every pass after an edit, all runs pooled. */
  warmPasses: number
  /** Edits that caused more than one pass (keys more than 250 ms apart). */
  editsWithSeveralPasses: number
  coldMs: number | null
  coldMaxMs: number | null
  warmP25Ms: number
  warmMedianMs: number
  warmP95Ms: number
  warmMaxMs: number
  /** Each run's own warm median, to see the spread between runs. */
  warmMedianByRunMs: number[]
  /** Medians over runs, ms from navigation start unless said otherwise. */
  firstContentfulPaintMs: number | null
  editorMs: number | null
  modelRequestedMs: number | null
  modelFetchMs: number | null
  firstHighlightsMs: number | null
  modelTransferBytes: number | null
  /** Runs in which the model was requested only after the editor was in the page. */
  modelAfterEditor: number
  otherCpuPercent: number | null
  loadAverageStart: number | null
  loadAverageEnd: number | null
}

export interface BuildSummary {
  buildMs: number
  entry: Chunk
  /** Every chunk index.html names: the entry and what it preloads. */
  inHtml: string[]
  model: Chunk
  /** The JavaScript the meeting page fetched besides the model (entry included). */
  meetingPage: { files: string[]; bytes: number; gzipBytes: number }
  chunks: Chunk[]
}

const warmOf = (run: LivePassRun) => run.edits.flatMap((edit) => edit.passesMs)

/** Nearest-rank median of a run's warm passes, as the pooled figures are taken. */
export const warmMedianOf = (run: LivePassRun) =>
  percentile(Float64Array.from(warmOf(run)).sort(), 50)

export function summarizeLivePass(runs: readonly LivePassRun[]): W1Summary {
  const warm = Float64Array.from(runs.flatMap(warmOf)).sort()
  const m = (pick: (run: LivePassRun) => number | null | undefined) =>
    median(runs.map((run) => pick(run) ?? null))
  return {
    runs: runs.length,
    words: runs[0]?.words ?? null,
    paragraphs: runs[0]?.paragraphs ?? null,
    edits: runs.reduce((sum, run) => sum + run.edits.length, 0),
    warmPasses: warm.length,
    editsWithSeveralPasses: runs
      .flatMap((run) => run.edits)
      .filter((edit) => edit.passesMs.length > 1).length,
    coldMs: m((run) => run.coldMs),
    coldMaxMs: runs.length > 0 ? Math.max(...runs.map((run) => run.coldMs)) : null,
    warmP25Ms: percentile(warm, 25),
    warmMedianMs: percentile(warm, 50),
    warmP95Ms: percentile(warm, 95),
    warmMaxMs: percentile(warm, 100),
    warmMedianByRunMs: runs.map(warmMedianOf),
    firstContentfulPaintMs: m((run) => run.page.firstContentfulPaintMs),
    editorMs: m((run) => run.page.editorMs),
    modelRequestedMs: m((run) => run.model?.requestedMs),
    modelFetchMs: m((run) => run.model?.fetchMs),
    firstHighlightsMs: m((run) => run.page.coldPassEndMs),
    modelTransferBytes: m((run) => run.model?.transferBytes),
    modelAfterEditor: runs.filter(
      (run) =>
        run.model !== null &&
        run.page.editorMs !== null &&
        run.model.requestedMs > run.page.editorMs,
    ).length,
    otherCpuPercent: m((run) => run.otherCpuPercent),
    loadAverageStart: runs[0]?.loadAverage.start ?? null,
    loadAverageEnd: runs.at(-1)?.loadAverage.end ?? null,
  }
}

/** The meeting page's JavaScript besides the model: every chunk the first run fetched. */
export function summarizeBuild(
  build: Omit<BuildSummary, 'meetingPage'>,
  runs: readonly LivePassRun[],
): BuildSummary {
  const fetched = new Set(runs[0]?.scripts.map((script) => script.file) ?? [])
  const page = build.chunks.filter((chunk) => fetched.has(chunk.file) && chunk !== build.model)
  return {
    buildMs: build.buildMs,
    entry: build.entry,
    inHtml: build.inHtml,
    model: build.model,
    meetingPage: {
      files: page.map((chunk) => chunk.file),
      bytes: page.reduce((sum, chunk) => sum + chunk.bytes, 0),
      gzipBytes: page.reduce((sum, chunk) => sum + chunk.gzipBytes, 0),
    },
    chunks: build.chunks,
  }
}

export function w1Goals(summary: W1Summary): Goal[] {
  return [
    {
      goal: `live pass on ${thousands(summary.words)} words, model warm, ≤ ${GOAL_WARM_MS} ms (median)`,
      measured:
        `${fixed(summary.warmMedianMs, 1)} ms (p25 ${fixed(summary.warmP25Ms, 1)}, ` +
        `p95 ${fixed(summary.warmP95Ms, 1)}, ${summary.warmPasses} passes)`,
      met: summary.warmPasses === 0 ? null : summary.warmMedianMs <= GOAL_WARM_MS,
    },
    {
      goal: 'the language model is fetched lazily, after the editor is in the page',
      measured:
        `in ${summary.modelAfterEditor} of ${summary.runs} run(s): requested at ` +
        `${fixed(summary.modelRequestedMs, 0)} ms, the editor there at ` +
        `${fixed(summary.editorMs, 0)} ms (medians)`,
      met: summary.runs === 0 ? null : summary.modelAfterEditor === summary.runs,
    },
  ]
}

export function w1Table(summary: W1Summary, build: BuildSummary): string {
  return [
    '| scenario | words | cold pass ms | warm p25 ms | warm median ms | warm p95 ms | ' +
      'warm max ms | model chunk kB (gzip) | model fetch ms | main chunk kB (gzip) |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${W1_SCENARIO} | ${thousands(summary.words)} | ${fixed(summary.coldMs, 0)} | ` +
      `${fixed(summary.warmP25Ms, 1)} | ${fixed(summary.warmMedianMs, 1)} | ` +
      `${fixed(summary.warmP95Ms, 1)} | ${fixed(summary.warmMaxMs, 1)} | ` +
      `${kB(build.model.bytes)} (${kB(build.model.gzipBytes)}) | ` +
      `${fixed(summary.modelFetchMs, 0)} | ${kB(build.entry.bytes)} (${kB(build.entry.gzipBytes)}) |`,
  ].join('\n')
}

/** Every JavaScript chunk of the build and when the meeting page fetches it. */
export function chunkTable(build: BuildSummary): string {
  const when = (chunk: Chunk) =>
    chunk.file === build.model.file
      ? 'after the editor is in the page'
      : build.inHtml.includes(chunk.file)
        ? 'with index.html'
        : build.meetingPage.files.includes(chunk.file)
          ? 'opening a meeting'
          : 'not on the meeting page'
  return [
    '| chunk | the meeting page fetches it | kB | gzip kB |',
    '| --- | --- | ---: | ---: |',
    ...build.chunks.map(
      (chunk) => `| ${chunk.file} | ${when(chunk)} | ${kB(chunk.bytes)} | ${kB(chunk.gzipBytes)} |`,
    ),
    `| the meeting page's, without the model | | ${kB(build.meetingPage.bytes)} | ` +
      `${kB(build.meetingPage.gzipBytes)} |`,
  ].join('\n')
}

export function w1Health(summary: W1Summary): string[] {
  return [
    `${summary.runs} run(s), ${summary.edits} edits, ${summary.warmPasses} warm passes ` +
      `(${summary.editsWithSeveralPasses} edits read more than once while typed); each run's ` +
      `warm median: ${summary.warmMedianByRunMs.map((ms) => fixed(ms, 1)).join(', ')} ms; ` +
      `cold pass at most ${fixed(summary.coldMaxMs, 0)} ms`,
    `Page (medians, ms from navigation): first contentful paint ${fixed(summary.firstContentfulPaintMs, 0)}, ` +
      `editor in the page ${fixed(summary.editorMs, 0)}, model requested ` +
      `${fixed(summary.modelRequestedMs, 0)} and fetched in ${fixed(summary.modelFetchMs, 0)} ` +
      `(${kB(summary.modelTransferBytes)} kB over the wire: the server does not compress), first ` +
      `highlights ${fixed(summary.firstHighlightsMs, 0)}`,
    `Machine: other processes ${fixed(summary.otherCpuPercent, 0)} % CPU during the runs ` +
      `(median); load average ${fixed(summary.loadAverageStart, 2)} at the start, ` +
      `${fixed(summary.loadAverageEnd, 2)} at the end`,
  ]
}

export function w1Problems(runs: readonly LivePassRun[]): string[] {
  const found: string[] = []
  runs.forEach((run, i) => {
    const at = `run ${i + 1}`
    if (run.otherCpuPercent > BUSY_MACHINE_PERCENT) {
      found.push(
        `${at}: other processes used ${run.otherCpuPercent.toFixed(0)} % CPU while the page was ` +
          'driven; the machine was busy, so times are less reliable',
      )
    }
    if (run.model === null) found.push(`${at}: the page fetched no english-*.js model chunk`)
    if (run.highlights === 0) found.push(`${at}: no highlights on the page after the edits`)
    for (const [message, count] of Object.entries(run.serverProblems)) {
      found.push(`${at}: server logged ${count} × ${message}`)
    }
    if (!/\((0|SIGTERM)\)$/.test(run.serverExit)) found.push(`${at}: server ${run.serverExit}`)
  })
  return found
}

/** What bench/results/w1-live-pass.json holds. */
export interface W1Json {
  scenario: string
  date: string
  machine: Record<string, string | number>
  versions: Record<string, string>
  params: {
    words: number
    sampleCopies: number
    editsPerRun: number
    editText: string
    runs: number
    chromium: string | null
  }
  summary: W1Summary
  build: BuildSummary
  goals: Goal[]
  problems: string[]
  runs: LivePassRun[]
}

export function w1Section(json: W1Json): string[] {
  const { params, summary } = json
  return [
    `## ${W1_SCENARIO}`,
    '',
    `Run on ${json.date}; every number in [results/w1-live-pass.json](results/w1-live-pass.json). ` +
      'How it is measured: [live-pass/README.md](live-pass/README.md).',
    '',
    machineLine(json.machine, json.versions),
    '',
    `Parameters: the demo's three sample minutes one after another (${params.sampleCopies} ` +
      `copies, ${thousands(params.words)} words, ${summary.paragraphs ?? '–'} paragraphs) imported into a ` +
      "coalition of the samples' organisations on a fresh Accord server; Debian's Chromium " +
      `${params.chromium ?? '–'}, fresh per run, opens them. Cold: the first live pass, the ` +
      `model just loaded. Warm: the pass after each of ${params.editsPerRun} edits per run ` +
      `(typing "${params.editText}" at the end of a paragraph, each edit in another), all ` +
      `${params.runs} run(s) pooled. Times are the editor's own User Timing measure ` +
      '`accord:suggestions-pass`. Sizes from the client built for the run (kB = 1,000 bytes; ' +
      "gzip at zlib's default level; the main chunk is the entry index.html loads).",
    '',
    w1Table(summary, json.build),
    '',
    '### Goals',
    '',
    ...goalLines(json.goals).map((line) => `- ${line}`),
    '',
    '### Chunks',
    '',
    chunkTable(json.build),
    '',
    '### Load and health',
    '',
    ...w1Health(summary).map((line) => `- ${line}`),
    ...json.problems.map((line) => `- ${line}`),
    '',
  ]
}
