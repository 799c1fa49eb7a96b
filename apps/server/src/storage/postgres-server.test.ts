import { MINUTES_FIELD } from '@accord/minutes'
import { StructureChanges } from '@accord/sync/client'
import { waitFor, type Client } from '@accord/sync/testing'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig, type Config } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { AccordClient, seedCoalition } from '../testing/accord-client.ts'
import { addParagraph, structureWhen } from '../testing/minutes.ts'
import {
  dropSchema,
  freshSchema,
  queryTestDatabase,
  TEST_DATABASE_URL,
} from '../testing/postgres.ts'

// The real server with DATABASE_URL set: everything the SQLite server tests rely on (accounts,
// invites, meetings, documents, the projection) goes through PostgreSQL instead.
const schema = freshSchema()
const config: Config = loadConfig({
  PORT: '0',
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: schema,
})
let server: RunningServer
const clients: Client[] = []

beforeAll(async () => {
  server = await startServer(config, pino({ level: 'silent' }))
})

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
  await dropSchema(schema)
})

/** A y-websocket client that understands "structure changed" (type 65) too. */
function client(person: AccordClient, meetingId: string) {
  const c = person.sync(meetingId)
  clients.push(c)
  new StructureChanges(c.provider)
  return c
}

/** The document as PostgreSQL holds it, read past the server. */
async function storedMinutes(meetingId: string): Promise<string> {
  const rows = await queryTestDatabase<{ data: Buffer }>(
    `SELECT data FROM ${schema}.document_updates WHERE doc = $1 ORDER BY id`,
    [meetingId],
  )
  const doc = new Y.Doc()
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
  return minutesText(doc)
}

const minutesText = (doc: Y.Doc) =>
  doc
    .getXmlFragment(MINUTES_FIELD)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toString() : ''))
    .join('\n')

describe('the server on PostgreSQL', () => {
  it('fails to start on a port in use, letting go of what it opened', async () => {
    const taken = { ...config, port: server.port, host: '127.0.0.1' }
    await expect(startServer(taken, pino({ level: 'silent' }))).rejects.toThrow(/EADDRINUSE/)
  })

  it('signs up, builds a coalition, syncs two editors, commits before acknowledging, and survives a restart', async () => {
    const seed = await seedCoalition(server.url)
    const chair = client(seed.chair, seed.meetingId)
    const secretariat = client(seed.secretariat, seed.meetingId)
    await Promise.all([chair.synced(), secretariat.synced()])

    addParagraph(chair.doc, 'ALC will circulate the summary by Friday.')
    let storedWhenSaved: Promise<string> | undefined
    chair.saveStatus.onChange((saved) => {
      if (saved) storedWhenSaved ??= storedMinutes(seed.meetingId)
    })
    await chair.saved()
    expect(await storedWhenSaved).toContain('ALC will circulate the summary by Friday.')

    addParagraph(secretariat.doc, 'FPCT agreed the budget.')
    await secretariat.saved()
    await waitFor(() => minutesText(chair.doc) === minutesText(secretariat.doc))
    expect(minutesText(chair.doc)).toContain('FPCT agreed the budget.')

    const structure = await structureWhen(seed.chair, seed.meetingId, (s) => s.actions.length > 0)
    expect(structure.actions[0]).toMatchObject({ owners: [seed.organisations.alc] })

    // A new server on the same schema: the session, the minutes and the structure remain.
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
    server = await startServer(config, pino({ level: 'silent' }))
    const again = new AccordClient(server.url)
    again.cookie = seed.chair.cookie
    const reader = client(again, seed.meetingId)
    await reader.synced()
    expect(minutesText(reader.doc)).toBe(await storedMinutes(seed.meetingId))
    expect(minutesText(reader.doc)).toContain('FPCT agreed the budget.')
    expect(await structureWhen(again, seed.meetingId, () => true)).toMatchObject({
      version: structure.version,
    })
  })
})
