/**
 * Scenario S1's fixture: a coalition in a fresh SQLite DATA_DIR, as createDemoCoalition stores
 * one, its meetings stored and loaded back into Y.Docs as a room loads them (each edit of one
 * stored as a room stores it), and a Projector whose collaborators are timed where it calls them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import pino from 'pino'
import * as Y from 'yjs'
import { newId } from '../../apps/server/src/accounts/tokens.ts'
import { loadMeetingContext } from '../../apps/server/src/projection/context.ts'
import type { ProjectionStore } from '../../apps/server/src/projection/projection-store.ts'
import { Projector, type ExtractState } from '../../apps/server/src/projection/projector.ts'
import { SqliteStorage } from '../../apps/server/src/storage/sqlite/storage.ts'
import { removeFolder, trackFolder } from '../processes.ts'
import { loadCoalition, type BenchMeeting, type Coalition } from './meetings.ts'

/** Where one projection's time went, in ms. */
export interface Timing {
  totalMs: number
  /**
   * The rest: on the main thread, the document's updates read from SQLite with its revision
   * (loadWithRevision) and the Projector's own queueing.
   */
  copyMs: number
  /** The meeting, its coalition's name, organisations, members and next meeting, from SQLite. */
  contextMs: number
  /**
   * From handing the copy to the extraction worker to its answer: the document rebuilt and read
   * with the shared schema, extract, toLists, both messages. Inline: the same on this thread.
   */
  extractMs: number
  /** replaceStructure: compare with the stored rows, upsert and delete, bump the version. */
  storeMs: number
  /** Whether the stored rows changed (a new version). */
  changed: boolean
}

export interface BenchFixture {
  storage: SqliteStorage
  coalition: Coalition
  /**
   * Stores the meeting and its minutes; returns its id and its document, loaded from storage.
   * Every change made to the document from then on is stored, as a room stores it.
   */
  addMeeting(meeting: BenchMeeting): Promise<{ id: string; doc: Y.Doc }>
  /** A projector that projects with `extract`, and times each projection. */
  projector(extract: ExtractState): TimedProjector
  close(): void
}

export interface TimedProjector {
  project(id: string): Promise<Timing>
  close(): Promise<void>
  /** Anything the projector logged at warn or above; none is expected. */
  problems: string[]
}

export async function benchFixture(): Promise<BenchFixture> {
  const coalitionFile = loadCoalition()
  const dataDir = trackFolder(fs.mkdtempSync(path.join(os.tmpdir(), 'accord-bench-s1-')))
  const storage = new SqliteStorage(dataDir)
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

  return {
    storage,
    coalition: coalitionFile,
    async addMeeting(meeting) {
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
      // SQLite stores it before append returns: the next projection reads it.
      doc.on('update', (update: Uint8Array) => void storage.append([{ docName: id, update }]))
      return { id, doc }
    },
    projector: (extract) => timedProjector(storage, extract),
    close() {
      storage.close()
      removeFolder(dataDir)
    },
  }
}

function timedProjector(storage: SqliteStorage, extract: ExtractState): TimedProjector {
  const phases = { contextMs: 0, extractMs: 0, storeMs: 0, changed: false }
  const timedStore: ProjectionStore = {
    async replaceStructure(meetingId, lists, at, revision) {
      const started = performance.now()
      const version = await storage.projection.replaceStructure(meetingId, lists, at, revision)
      phases.storeMs = performance.now() - started
      phases.changed = version !== null
      return version
    },
    getStructure: (meetingId) => storage.projection.getStructure(meetingId),
    listCoalitionItems: (coalitionId) => storage.projection.listCoalitionItems(coalitionId),
    listMeetingsBehind: (coalitionId) => storage.projection.listMeetingsBehind(coalitionId),
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
    load: (meetingId) => storage.loadWithRevision(meetingId),
    context: async (meetingId) => {
      const started = performance.now()
      try {
        return await loadMeetingContext(storage, meetingId)
      } finally {
        phases.contextMs = performance.now() - started
      }
    },
    extract: async (meetingId, updates, context) => {
      const started = performance.now()
      try {
        return await extract(meetingId, updates, context)
      } finally {
        phases.extractMs = performance.now() - started
      }
    },
    announce: () => {},
    logger,
  })
  return {
    problems,
    close: () => projector.close(),
    async project(id) {
      Object.assign(phases, { contextMs: 0, extractMs: 0, storeMs: 0, changed: false })
      const started = performance.now()
      await projector.project(id)
      const totalMs = performance.now() - started
      if (problems.length > 0) throw new Error(`the projector logged: ${problems.join('\n')}`)
      const { contextMs, extractMs, storeMs, changed } = phases
      return {
        totalMs,
        copyMs: Math.max(0, totalMs - contextMs - extractMs - storeMs),
        contextMs,
        extractMs,
        storeMs,
        changed,
      }
    },
  }
}

export const round = (ms: number) => Math.round(ms * 100) / 100

export function roundTiming<T extends Timing>(timing: T): T {
  return {
    ...timing,
    totalMs: round(timing.totalMs),
    copyMs: round(timing.copyMs),
    contextMs: round(timing.contextMs),
    extractMs: round(timing.extractMs),
    storeMs: round(timing.storeMs),
  }
}
