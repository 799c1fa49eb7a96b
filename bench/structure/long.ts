/**
 * Scenario S1, long minutes: one meeting of 100,000 words projected as the server projects it
 * (extraction in a worker) and, for comparison, with extraction on the main thread as the
 * server did before it had workers, each while a timer measures the longest the event loop was
 * held (loop-blocks.ts).
 */
import { MINUTES_FIELD } from '@accord/minutes'
import type * as Y from 'yjs'
import { probeEventLoop } from '../../apps/server/src/projection/loop-blocks.ts'
import { extractInline } from '../../apps/server/src/projection/project-state.ts'
import type { ExtractState } from '../../apps/server/src/projection/projector.ts'
import { warmUpExtractor } from '../../apps/server/src/projection/warm-up.ts'
import { median } from '../stats.ts'
import { buildMeeting, rewriteEditBlock, type BenchMeeting } from './meetings.ts'
import { round, type BenchFixture } from './setup.ts'

export const LONG_PARAMS = {
  targetWords: 100_000,
  /** Projections per way of extracting, each after an edit, after one unrecorded. */
  runs: 3,
}

export interface LongRuns {
  /** Whole projections: copy, context, extraction, store. */
  runsMs: number[]
  medianMs: number
  /** The extraction phase alone (a worker's round trip, or extract inline). */
  extractMedianMs: number
  /** The longest the main thread's event loop was held during each projection. */
  longestBlocksMs: number[]
  longestBlockMs: number
  /** The same on the clock, the thread's waits for a CPU included (loop-blocks.ts). */
  longestGapsMs: number[]
}

export interface LongResult {
  params: typeof LONG_PARAMS
  meeting: { words: number; blocks: number; actions: number; asks: number; decisions: number }
  worker: LongRuns
  mainThread: LongRuns
}

export async function measureLong(
  fixture: BenchFixture,
  worker: ExtractState,
  log: (line: string) => void,
): Promise<LongResult> {
  const params = LONG_PARAMS
  const meeting = buildMeeting(1000, fixture.coalition, { targetWords: params.targetWords })
  const { id, doc } = await fixture.addMeeting(meeting)
  const inWorker = await runs(fixture, worker, id, doc, meeting)
  log(
    `[S1] ${meeting.words} words in a worker: median ${inWorker.medianMs.toFixed(0)} ms, ` +
      `event loop held at most ${inWorker.longestBlockMs.toFixed(1)} ms`,
  )
  // The server before its workers: the extractor warmed up on the main thread at start.
  warmUpExtractor()
  const inline = await runs(fixture, extractInline, id, doc, meeting)
  log(
    `[S1] ${meeting.words} words on the main thread: median ${inline.medianMs.toFixed(0)} ms, ` +
      `event loop held at most ${inline.longestBlockMs.toFixed(1)} ms`,
  )
  const stored = await fixture.storage.projection.getStructure(id)
  const blocks = doc.getXmlFragment(MINUTES_FIELD).length
  doc.destroy()
  return {
    params,
    meeting: {
      words: meeting.words,
      blocks,
      actions: stored.actions.length,
      asks: stored.asks.length,
      decisions: stored.decisions.length,
    },
    worker: inWorker,
    mainThread: inline,
  }
}

async function runs(
  fixture: BenchFixture,
  extract: ExtractState,
  id: string,
  doc: Y.Doc,
  meeting: BenchMeeting,
): Promise<LongRuns> {
  const projector = fixture.projector(extract)
  const totals: number[] = []
  const extracts: number[] = []
  const blocks: number[] = []
  const gaps: number[] = []
  try {
    for (let run = 0; run <= LONG_PARAMS.runs; run++) {
      // Each projection after an edit, so each changes a row.
      rewriteEditBlock(doc, meeting, 1000 + run, fixture.coalition.organisations)
      const probe = probeEventLoop()
      const timing = await projector.project(id)
      const { heldMs, gapMs } = probe.stop()
      if (!timing.changed) throw new Error('a long projection stored nothing new')
      // The first is unrecorded: V8 compiles for inputs this long then.
      if (run === 0) continue
      totals.push(timing.totalMs)
      extracts.push(timing.extractMs)
      blocks.push(heldMs)
      gaps.push(gapMs)
    }
  } finally {
    await projector.close()
  }
  return {
    runsMs: totals.map(round),
    medianMs: round(median(totals)!),
    extractMedianMs: round(median(extracts)!),
    longestBlocksMs: blocks.map(round),
    longestBlockMs: round(Math.max(...blocks)),
    longestGapsMs: gaps.map(round),
  }
}
