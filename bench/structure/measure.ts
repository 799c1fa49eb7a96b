/**
 * Scenario S1, structure: the server's own projection code, in this process, against real
 * SQLite in a fresh temporary DATA_DIR. A meeting is projected through `Projector.project`, as
 * the server does once someone stops typing: the document read with the shared schema
 * (read-document.ts), the meeting's context loaded from SQLite (context.ts), `extract` from
 * '@accord/minutes/extract', `toLists`, and `SqliteProjectionStore.replaceStructure` upserting
 * the rows in one transaction (synchronous=FULL, as the server runs).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { MINUTES_FIELD } from '@accord/minutes'
import { extract } from '@accord/minutes/extract'
import pino from 'pino'
import * as Y from 'yjs'
import { newId } from '../../apps/server/src/accounts/tokens.ts'
import { loadMeetingContext } from '../../apps/server/src/projection/context.ts'
import type { Extract } from '../../apps/server/src/projection/extract-contract.ts'
import type { ProjectionStore } from '../../apps/server/src/projection/projection-store.ts'
import { Projector } from '../../apps/server/src/projection/projector.ts'
import { warmUpExtractor } from '../../apps/server/src/projection/warm-up.ts'
import { SqliteStorage } from '../../apps/server/src/storage/sqlite/storage.ts'
import { removeFolder, trackFolder } from '../processes.ts'
import { median, percentile } from '../stats.ts'
import { buildMeeting, editText, loadCoalition, type BenchMeeting } from './meetings.ts'

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

/** Where one projection's time went, in ms. */
export interface Timing {
  totalMs: number
  /** readDocument: the Y.Doc read into a ProseMirror node with the shared schema. */
  readMs: number
  /** The meeting, its coalition's organisations and members, from SQLite. */
  contextMs: number
  extractMs: number
  /** replaceStructure: compare with the stored rows, upsert and delete, bump the version. */
  storeMs: number
  /** Whether the stored rows changed (a new version). */
  changed: boolean
}

export interface StructureResult {
  params: typeof S1_PARAMS
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
  rowsStored: { actions: number; asks: number; decisions: number }
  /** Anything the projector logged at warn or above; none is expected. */
  problems: string[]
}

export async function measureStructure(
  log: (line: string) => void = console.log,
): Promise<StructureResult> {
  const params = S1_PARAMS
  const coalitionFile = loadCoalition()
  const dataDir = trackFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-s1-')))
  const storage = new SqliteStorage(dataDir)
  try {
    // ---- the coalition and its meetings, as createDemoCoalition stores them
    const now = new Date().toISOString()
    const coalition = { id: newId(), name: coalitionFile.name }
    const organisations = coalitionFile.organisations.map((o) => ({ id: newId(), ...o }))
    const chair = {
      id: newId(),
      email: 'chair@northshire.example',
      name: 'Chair',
      passwordHash: null,
      createdAt: now,
    }
    await storage.accounts.createPerson(chair)
    await storage.coalitions.createCoalition({
      coalition,
      organisation: organisations[0]!,
      chair: {
        personId: chair.id,
        coalitionId: coalition.id,
        organisationId: organisations[0]!.id,
        role: 'chair',
        createdAt: now,
      },
    })
    for (const organisation of organisations.slice(1)) {
      await storage.coalitions.createOrganisation(coalition.id, organisation)
    }
    const byName = new Map(organisations.map((o) => [o.name, o]))
    for (const person of coalitionFile.people) {
      const id = newId()
      await storage.accounts.createPerson({
        id,
        email: `${person.name.toLowerCase()}@northshire.example`,
        name: person.name,
        passwordHash: null,
        createdAt: now,
      })
      await storage.coalitions.addMember({
        personId: id,
        coalitionId: coalition.id,
        organisationId: byName.get(person.organisation)!.id,
        role: 'member',
        createdAt: now,
      })
    }

    const built = Array.from({ length: params.yearMeetings + 1 }, (_, i) =>
      buildMeeting(i, coalitionFile, { targetWords: params.targetWords, seed: params.seed }),
    )
    const meetings: { id: string; doc: Y.Doc; meeting: BenchMeeting; edits: number }[] = []
    for (const meeting of built) {
      const id = newId()
      await storage.meetings.createMeeting({
        id,
        coalitionId: coalition.id,
        status: 'draft',
        title: meeting.title,
        date: meeting.date,
        attendance: organisations.map((o) => o.id),
        createdAt: now,
      })
      await storage.append([{ docName: id, update: meeting.update }])
      // The document as a room loads it: from the stored updates.
      const doc = new Y.Doc()
      for (const update of await storage.load(id)) Y.applyUpdate(doc, update)
      meetings.push({ id, doc, meeting, edits: 0 })
    }

    // ---- the projector, its collaborators timed where they are called
    const phases = { contextMs: 0, extractMs: 0, storeMs: 0, changed: false }
    const timedExtract: Extract = (node, context) => {
      const started = performance.now()
      try {
        return extract(node, context)
      } finally {
        phases.extractMs = performance.now() - started
      }
    }
    const timedStore: ProjectionStore = {
      async replaceStructure(meetingId, lists, at) {
        const started = performance.now()
        const version = await storage.projection.replaceStructure(meetingId, lists, at)
        phases.storeMs = performance.now() - started
        phases.changed = version !== null
        return version
      },
      getStructure: (meetingId) => storage.projection.getStructure(meetingId),
      listCoalitionItems: (coalitionId) => storage.projection.listCoalitionItems(coalitionId),
    }
    const problems: string[] = []
    const logger = pino(
      { level: 'warn' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          problems.push(chunk.toString().trim())
          done()
        },
      }),
    )
    const projector = new Projector({
      store: timedStore,
      context: async (meetingId) => {
        const started = performance.now()
        try {
          return await loadMeetingContext(storage, meetingId)
        } finally {
          phases.contextMs = performance.now() - started
        }
      },
      extract: timedExtract,
      announce: () => {},
      logger,
    })

    const project = async (id: string, doc: Y.Doc): Promise<Timing> => {
      Object.assign(phases, { contextMs: 0, extractMs: 0, storeMs: 0, changed: false })
      const started = performance.now()
      await projector.project(id, doc)
      const totalMs = performance.now() - started
      if (problems.length > 0) throw new Error(`the projector logged: ${problems.join('\n')}`)
      const { contextMs, extractMs, storeMs, changed } = phases
      return {
        totalMs,
        readMs: Math.max(0, totalMs - contextMs - extractMs - storeMs),
        contextMs,
        extractMs,
        storeMs,
        changed,
      }
    }
    const edit = (entry: (typeof meetings)[number]) => {
      entry.edits++
      const paragraph = entry.doc.getXmlFragment(MINUTES_FIELD).get(entry.meeting.editBlock)
      const text = (paragraph as Y.XmlElement).get(0) as Y.XmlText
      entry.doc.transact(() => {
        text.delete(0, text.length)
        text.insert(0, editText(entry.edits, coalitionFile.organisations))
      })
    }

    // ---- (a) cold: the first projection after start-up, which warms the extractor as the
    // server does before it listens (a fresh process otherwise pays ~200 ms of regex compiling).
    warmUpExtractor()
    const one = meetings[params.yearMeetings]!
    const cold = await project(one.id, one.doc)
    const stored = await storage.projection.getStructure(one.id)
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
      const timing = await project(one.id, one.doc)
      if (i >= params.warmupRepetitions) samples.push(timing)
    }
    const sortedTotals = samples.map((s) => s.totalMs).sort((a, b) => a - b)
    const phaseMedian = (pick: (t: Timing) => number) => median(samples.map(pick)) ?? Number.NaN
    const warm = {
      medianMs: median(sortedTotals)!,
      p95Ms: percentile(sortedTotals, 95),
      maxMs: sortedTotals.at(-1)!,
      phasesMedianMs: {
        readMs: phaseMedian((t) => t.readMs),
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
        const timing = await project(entry.id, entry.doc)
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
    for (const entry of meetings) entry.doc.destroy()
    const structures = await Promise.all(
      meetings.map(({ id }) => storage.projection.getStructure(id)),
    )
    const count = (pick: (s: (typeof structures)[number]) => unknown[]) =>
      structures.reduce((sum, s) => sum + pick(s).length, 0)
    return {
      params,
      meeting: {
        words: one.meeting.words,
        blocks: one.doc.getXmlFragment(MINUTES_FIELD).length,
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
          readMs: round(warm.phasesMedianMs.readMs),
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
      rowsStored: {
        actions: count((s) => s.actions),
        asks: count((s) => s.asks),
        decisions: count((s) => s.decisions),
      },
      problems,
    }
  } finally {
    storage.close()
    removeFolder(dataDir)
  }
}

const round = (ms: number) => Math.round(ms * 100) / 100

function roundTiming<T extends Timing>(timing: T): T {
  return {
    ...timing,
    totalMs: round(timing.totalMs),
    readMs: round(timing.readMs),
    contextMs: round(timing.contextMs),
    extractMs: round(timing.extractMs),
    storeMs: round(timing.storeMs),
  }
}
