/**
 * Scenario S1, structure: the server's own projection code, in this process, against real
 * SQLite in a fresh temporary DATA_DIR. A meeting is projected through `Projector.project`, as
 * the server does once someone stops typing: the meeting's context loaded from SQLite
 * (context.ts), its document's stored updates read with their revision on the main thread, the
 * document rebuilt and read with the shared schema, extracted and listed in an extraction worker
 * (projection/worker, `EXTRACT_WORKERS`
 * of them as the server runs them), and `SqliteProjectionStore.replaceStructure` upserting the
 * rows in one transaction (synchronous=FULL, as the server runs).
 */
import { MINUTES_FIELD } from '@accord/minutes'
import pino from 'pino'
import type * as Y from 'yjs'
import { loadConfig } from '../../apps/server/src/config.ts'
import { ExtractionPool } from '../../apps/server/src/projection/worker/pool.ts'
import { median, percentile } from '../stats.ts'
import { measureLong, type LongResult } from './long.ts'
import { buildMeeting, rewriteEditBlock, type BenchMeeting } from './meetings.ts'
import { benchFixture, round, roundTiming, type Timing } from './setup.ts'

export type { Timing } from './setup.ts'

export const S1_PARAMS = {
  /** Words per meeting. */
  targetWords: 3000,
  /** Projections of one meeting after the cold one, each after an edit; the first few unrecorded. */
  warmupRepetitions: 5,
  repetitions: 50,
  /** A year of fortnightly meetings. */
  yearMeetings: 26,
  yearRuns: 5,
  seed: 1,
}

export interface StructureResult {
  params: typeof S1_PARAMS
  /** Extraction workers, as the server's default on this machine (EXTRACT_WORKERS). */
  workers: number
  /** From starting the workers to every one warmed up and ready. */
  workerStartMs: number
  meeting: { words: number; blocks: number; actions: number; asks: number; decisions: number }
  cold: Timing
  warm: {
    medianMs: number
    p95Ms: number
    maxMs: number
    /** Medians of each phase over the repetitions. */
    phasesMedianMs: Omit<Timing, 'totalMs' | 'changed'>
    repetitionsChanged: number
    samplesMs: number[]
  }
  year: {
    meetings: number
    words: number
    /** The first projection of the year's meetings, every row inserted. */
    firstMs: number
    medianMs: number
    runsMs: number[]
    /** Median over the runs of the slowest meeting in a run. */
    slowestMeetingMedianMs: number
    meetingsChangedPerRun: number[]
  }
  long: LongResult
  rowsStored: { actions: number; asks: number; decisions: number }
  /** Anything the projector logged at warn or above; none is expected. */
  problems: string[]
}

export async function measureStructure(
  log: (line: string) => void = console.log,
): Promise<StructureResult> {
  const params = S1_PARAMS
  const fixture = await benchFixture()
  const { extractWorkers: workers, extractTimeoutMs } = loadConfig({})
  const startingWorkers = performance.now()
  const pool = new ExtractionPool({
    size: workers,
    timeoutMs: extractTimeoutMs,
    logger: pino({ level: 'warn' }),
  })
  try {
    const built = Array.from({ length: params.yearMeetings + 1 }, (_, i) =>
      buildMeeting(i, fixture.coalition, { targetWords: params.targetWords, seed: params.seed }),
    )
    const meetings: { id: string; doc: Y.Doc; meeting: BenchMeeting; edits: number }[] = []
    for (const meeting of built)
      meetings.push({ ...(await fixture.addMeeting(meeting)), meeting, edits: 0 })

    // ---- (a) cold: the first projection once the workers say they are ready (they warm the
    // extractor up first, as on the server, off its event loop).
    await pool.whenReady()
    const workerStartMs = performance.now() - startingWorkers
    log(`[S1] ${workers} extraction worker(s) ready in ${workerStartMs.toFixed(0)} ms`)
    const projector = fixture.projector((id, updates, context) =>
      pool.project(id, updates, context),
    )
    const project = (id: string) => projector.project(id)
    const edit = (entry: (typeof meetings)[number]) =>
      rewriteEditBlock(entry.doc, entry.meeting, ++entry.edits, fixture.coalition.organisations)
    const one = meetings[params.yearMeetings]!
    const cold = await project(one.id)
    const stored = await fixture.storage.projection.getStructure(one.id)
    log(
      `[S1] one meeting: ${one.meeting.words} words → ${stored.actions.length} actions, ` +
        `${stored.asks.length} asks, ${stored.decisions.length} decisions; ` +
        `cold ${cold.totalMs.toFixed(1)} ms`,
    )
    if (stored.actions.length === 0) throw new Error('the meeting projected to no actions')

    // ---- (b) warm: one meeting, edited between projections
    const samples: Timing[] = []
    for (let i = 0; i < params.warmupRepetitions + params.repetitions; i++) {
      edit(one)
      const timing = await project(one.id)
      if (i >= params.warmupRepetitions) samples.push(timing)
    }
    const sortedTotals = samples.map((s) => s.totalMs).sort((a, b) => a - b)
    const phaseMedian = (pick: (t: Timing) => number) => median(samples.map(pick)) ?? Number.NaN
    const warm = {
      medianMs: median(sortedTotals)!,
      p95Ms: percentile(sortedTotals, 95),
      maxMs: sortedTotals.at(-1)!,
      phasesMedianMs: {
        copyMs: phaseMedian((t) => t.copyMs),
        contextMs: phaseMedian((t) => t.contextMs),
        extractMs: phaseMedian((t) => t.extractMs),
        storeMs: phaseMedian((t) => t.storeMs),
      },
      repetitionsChanged: samples.filter((s) => s.changed).length,
      samplesMs: samples.map((s) => round(s.totalMs)),
    }
    log(
      `[S1] warm over ${params.repetitions}: median ${warm.medianMs.toFixed(1)} ms, ` +
        `p95 ${warm.p95Ms.toFixed(1)} ms (rows changed ${warm.repetitionsChanged} times)`,
    )

    // ---- (c) a year: 26 different meetings in sequence, each edited before a run
    const year = meetings.slice(0, params.yearMeetings)
    const projectYear = async () => {
      const started = performance.now()
      let slowest = 0
      let changed = 0
      for (const entry of year) {
        const timing = await project(entry.id)
        slowest = Math.max(slowest, timing.totalMs)
        if (timing.changed) changed++
      }
      return { totalMs: performance.now() - started, slowest, changed }
    }
    const first = await projectYear()
    const runs: Awaited<ReturnType<typeof projectYear>>[] = []
    for (let run = 0; run < params.yearRuns; run++) {
      for (const entry of year) edit(entry)
      runs.push(await projectYear())
    }
    const yearResult = {
      meetings: year.length,
      words: year.reduce((sum, entry) => sum + entry.meeting.words, 0),
      firstMs: round(first.totalMs),
      medianMs: median(runs.map((r) => r.totalMs))!,
      runsMs: runs.map((r) => round(r.totalMs)),
      slowestMeetingMedianMs: median(runs.map((r) => r.slowest))!,
      meetingsChangedPerRun: runs.map((r) => r.changed),
    }
    log(
      `[S1] a year of ${year.length} meetings: median ${yearResult.medianMs.toFixed(0)} ms ` +
        `over ${params.yearRuns} runs (first projection ${yearResult.firstMs.toFixed(0)} ms)`,
    )
    await projector.close()

    // ---- (d) 100,000 words, in a worker and on the main thread
    const long = await measureLong(
      fixture,
      (id, updates, context) => pool.project(id, updates, context),
      log,
    )

    const blocks = one.doc.getXmlFragment(MINUTES_FIELD).length
    for (const entry of meetings) entry.doc.destroy()
    const structures = await Promise.all(
      meetings.map(({ id }) => fixture.storage.projection.getStructure(id)),
    )
    const count = (pick: (s: (typeof structures)[number]) => unknown[]) =>
      structures.reduce((sum, s) => sum + pick(s).length, 0)
    return {
      params,
      workers,
      workerStartMs: round(workerStartMs),
      meeting: {
        words: one.meeting.words,
        blocks,
        actions: stored.actions.length,
        asks: stored.asks.length,
        decisions: stored.decisions.length,
      },
      cold: roundTiming(cold),
      warm: {
        ...warm,
        medianMs: round(warm.medianMs),
        p95Ms: round(warm.p95Ms),
        maxMs: round(warm.maxMs),
        phasesMedianMs: {
          copyMs: round(warm.phasesMedianMs.copyMs),
          contextMs: round(warm.phasesMedianMs.contextMs),
          extractMs: round(warm.phasesMedianMs.extractMs),
          storeMs: round(warm.phasesMedianMs.storeMs),
        },
      },
      year: {
        ...yearResult,
        medianMs: round(yearResult.medianMs),
        slowestMeetingMedianMs: round(yearResult.slowestMeetingMedianMs),
      },
      long,
      rowsStored: {
        actions: count((s) => s.actions),
        asks: count((s) => s.asks),
        decisions: count((s) => s.decisions),
      },
      problems: projector.problems,
    }
  } finally {
    await pool.close()
    fixture.close()
  }
}
