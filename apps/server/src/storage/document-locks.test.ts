import { MINUTES_FIELD } from '@accord/minutes'
import pg from 'pg'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadMeetingContext } from '../projection/context.ts'
import { extractInline } from '../projection/project-state.ts'
import { Projector } from '../projection/projector.ts'
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../testing/postgres.ts'
import { seedChairedCoalition } from '../testing/seed-storage.ts'
import { PostgresStorage } from './postgres/storage.ts'

// Two servers sharing one PostgreSQL schema, as two instances behind a load balancer.
let schema: string
let a: PostgresStorage
let b: PostgresStorage

beforeEach(async () => {
  schema = freshSchema()
  a = await PostgresStorage.open({ url: TEST_DATABASE_URL, schema })
  b = await PostgresStorage.open({ url: TEST_DATABASE_URL, schema })
})
afterEach(async () => {
  await Promise.all([a.close(), b.close()])
  await dropSchema(schema)
})

const bytes = (...values: number[]) => new Uint8Array(values)

describe('document locks across instances', () => {
  it('skips the task of one instance while another holds the lock', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    let entered!: () => void
    const inside = new Promise<void>((resolve) => (entered = resolve))
    const first = a.withDocumentLock('m', 'compaction', async () => {
      entered()
      await held
    })
    await inside
    let ran = false
    expect(await b.withDocumentLock('m', 'compaction', async () => void (ran = true))).toBe(false)
    expect(ran).toBe(false)
    // Another document, or another purpose, is another lock.
    expect(await b.withDocumentLock('n', 'compaction', () => Promise.resolve())).toBe(true)
    expect(await b.withDocumentLock('m', 'projection', () => Promise.resolve())).toBe(true)
    release()
    expect(await first).toBe(true)
    expect(await b.withDocumentLock('m', 'compaction', async () => void (ran = true))).toBe(true)
    expect(ran).toBe(true)
  })

  it('never writes a meeting’s projection twice when two projectors race', async () => {
    await seedChairedCoalition(a, { meetingDates: { m: '2025-03-04' } })
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment(MINUTES_FIELD)
    for (const text of ['ALC will circulate the summary by Friday.', 'ALC will book a room.']) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      fragment.insert(fragment.length, [paragraph])
    }

    await a.append([{ docName: 'm', update: Y.encodeStateAsUpdate(doc) }])

    const outcomes: boolean[] = []
    const announced: number[] = []
    const projector = (storage: PostgresStorage) =>
      new Projector({
        store: storage.projection,
        load: (id) => storage.loadWithRevision(id),
        context: (id) => loadMeetingContext(storage, id),
        extract: extractInline,
        announce: (_id, version) => announced.push(version),
        logger: pino({ level: 'silent' }),
        exclusive: async (id, task) => {
          const ran = await storage.withDocumentLock(id, 'projection', task)
          outcomes.push(ran)
          return ran
        },
        lockRetryMs: 5,
      })
    const projectors = [projector(a), projector(b)]
    await Promise.all(
      Array.from({ length: 10 }, () => projectors.map((p) => p.project('m'))).flat(),
    )
    await Promise.all(projectors.map((p) => p.close()))

    const structure = await b.projection.getStructure('m')
    expect(structure.actions).toHaveLength(2)
    const counted = await rows<{ count: string }>(
      'SELECT count(*) AS count FROM actions WHERE meeting_id = $1',
      ['m'],
    )
    expect(counted).toEqual([{ count: '2' }])
    // The document never changed: one write made a version, the others found nothing to do.
    expect(announced).toEqual([1])
    expect(structure.version).toBe(1)
    expect(outcomes).toContain(true)
    expect(outcomes).toContain(false)
  })
})

describe('compaction on PostgreSQL', () => {
  it('keeps a row with a lower id that commits after the read', async () => {
    // Identity values are handed out at INSERT, so a slow transaction commits a lower id after
    // a faster one committed a higher one: "every id up to the last read" would delete it.
    await a.append([{ docName: 'd', update: bytes(1) }])
    const slow = new pg.Client({ connectionString: TEST_DATABASE_URL })
    await slow.connect()
    try {
      await slow.query('BEGIN')
      await slow.query(`INSERT INTO ${schema}.document_updates (doc, data) VALUES ('d', '\\x02')`)
      await b.append([{ docName: 'd', update: bytes(3) }])
      const { updates, position } = await a.loadLog('d')
      expect(updates).toEqual([bytes(1), bytes(3)])
      await slow.query('COMMIT')
      await a.compact('d', bytes(1, 3), position)
    } finally {
      await slow.end()
    }
    expect(await b.load('d')).toEqual([bytes(2), bytes(1, 3)])
  })
})

async function rows<R extends pg.QueryResultRow>(sql: string, params: unknown[]): Promise<R[]> {
  const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
  await client.connect()
  try {
    await client.query(`SET search_path = ${schema}`)
    return (await client.query<R>(sql, params)).rows
  } finally {
    await client.end()
  }
}
