import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { MINUTES_FIELD } from '@accord/minutes'
import { waitFor, type Client } from '@accord/sync/testing'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { loadConfig, type Config } from './config.ts'
import { startServer, type RunningServer } from './server.ts'
import { AccordClient } from './testing/accord-client.ts'
import { addParagraph } from './testing/minutes.ts'

let server: RunningServer
let config: Config
let dataDir: string
const clients: Client[] = []
const sockets: WebSocket[] = []

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-server-'))
  config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    MAX_MESSAGE_BYTES: String(64 * 1024),
    MAX_BUFFERED_BYTES: String(256 * 1024),
  })
  server = await startServer(config, pino({ level: 'silent' }))
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const socket of sockets.splice(0)) socket.terminate()
  await server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** A signed-in chair of a new coalition: the one role that may create meetings. */
async function signedInChair(baseUrl = server.url) {
  const chair = new AccordClient(baseUrl)
  await chair.signUp('Owen')
  const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
    name: 'Northshire Care Coalition',
    organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
  })
  return { chair, coalitionId: membership.coalition.id as string }
}

async function createMeeting(chair: AccordClient, coalitionId: string, title = 'Fortnightly call') {
  const { meeting } = await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/meetings`, {
    title,
    date: '2025-03-04',
  })
  return meeting.id as string
}

/** A chair, their coalition and one meeting in it. */
async function chairWithMeeting() {
  const { chair, coalitionId } = await signedInChair()
  return { chair, coalitionId, meetingId: await createMeeting(chair, coalitionId) }
}

function client(person: AccordClient, meetingId: string) {
  const c = person.sync(meetingId)
  clients.push(c)
  return c
}

/** A bare `ws` socket to a meeting, carrying the person's session cookie. */
function rawSocket(person: AccordClient | undefined, meetingId: string) {
  const socket = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${meetingId}`, {
    headers: person?.cookie ? { cookie: person.cookie } : {},
  })
  socket.on('error', () => {})
  sockets.push(socket)
  return socket
}

function closeOf(socket: WebSocket) {
  return new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
}

/** Resolves once the server has admitted the socket and greeted it with its state vector. */
function greeted(socket: WebSocket) {
  return new Promise<void>((resolve, reject) => {
    socket.once('message', () => resolve())
    socket.once('close', (code) => reject(new Error(`closed with ${code} before any message`)))
  })
}

describe('HTTP API', () => {
  it('answers health', async () => {
    const response = await fetch(`${server.url}/api/health`)
    expect(await response.json()).toEqual({ ok: true })
  })

  it("creates, lists and gets a coalition's meetings", async () => {
    const { chair, coalitionId } = await signedInChair()
    const id = await createMeeting(chair, coalitionId, 'Reform alliance')
    const list = await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/meetings`)
    expect(list.meetings.map((m: { id: string }) => m.id)).toEqual([id])
    const got = await chair.expect(200, 'GET', `/api/meetings/${id}`)
    expect(got).toMatchObject({
      meeting: { id, coalitionId, title: 'Reform alliance', date: '2025-03-04', attendance: [] },
    })
  })

  it.each([
    ['a missing title', { date: '2025-03-04' }, 'title'],
    ['a blank title', { title: '   ', date: '2025-03-04' }, 'title'],
    ['an impossible date', { title: 'Call', date: '2025-02-30' }, 'date'],
    ['a date in another format', { title: 'Call', date: '04/03/2025' }, 'date'],
  ])('refuses %s with 400 and changes nothing', async (_name, body, field) => {
    const { chair, coalitionId } = await signedInChair()
    const answer = await chair.request('POST', `/api/coalitions/${coalitionId}/meetings`, body)
    expect(answer.status).toBe(400)
    expect(answer.body.error.code).toBe('invalid_request')
    expect(answer.body.error.message).toContain(field)
    const list = await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/meetings`)
    expect(list.meetings).toEqual([])
  })

  it('refuses a body that is not JSON', async () => {
    const { chair, coalitionId } = await signedInChair()
    // Declared JSON, so it passes the Content-Type rule (http/json-content-type.ts) and is read.
    const response = await fetch(`${server.url}/api/coalitions/${coalitionId}/meetings`, {
      method: 'POST',
      headers: { cookie: chair.cookie!, 'content-type': 'application/json' },
      body: 'title=Call',
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } })
    const list = await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/meetings`)
    expect(list.meetings).toEqual([])
  })

  it('answers 404 in the error shape for an unknown meeting', async () => {
    const { chair } = await signedInChair()
    const answer = await chair.request('GET', '/api/meetings/no-such-meeting')
    expect(answer.status).toBe(404)
    expect(answer.body).toEqual({ error: { code: 'not_found', message: expect.any(String) } })
  })
})

describe('a database from before accounts', () => {
  it('has its meetings adopted by the first coalition created, minutes and all', async () => {
    // Stop, and start again on a database at schema version 1: meetings, no coalitions.
    await server.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.mkdirSync(dataDir)
    const oldDoc = new Y.Doc()
    addParagraph(oldDoc, 'Minutes written before there were accounts.')
    writeVersion1Database(dataDir, {
      id: 'legacy-meeting',
      title: 'Old call',
      date: '2024-11-05',
      update: Y.encodeStateAsUpdate(oldDoc),
    })
    server = await startServer(config, pino({ level: 'silent' }))

    // Nobody owns it yet: it is not found, even by someone signed in.
    const first = new AccordClient(server.url)
    await first.signUp('Owen')
    expect((await first.request('GET', '/api/meetings/legacy-meeting')).status).toBe(404)

    // A stranger trying the demo first does not get it either.
    const stranger = new AccordClient(server.url)
    await stranger.signUp('Stranger')
    const demo = await stranger.expect(201, 'POST', '/api/demo')
    const demoMeetings = await stranger.expect(
      200,
      'GET',
      `/api/coalitions/${demo.membership.coalition.id}/meetings`,
    )
    expect(demoMeetings.meetings.map((m: { id: string }) => m.id)).not.toContain('legacy-meeting')
    expect((await stranger.request('GET', '/api/meetings/legacy-meeting')).status).toBe(404)

    const { membership } = await first.expect(201, 'POST', '/api/coalitions', {
      name: 'Northshire Care Coalition',
      organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
    })
    const coalitionId: string = membership.coalition.id
    const list = await first.expect(200, 'GET', `/api/coalitions/${coalitionId}/meetings`)
    expect(list.meetings).toEqual([
      expect.objectContaining({ id: 'legacy-meeting', coalitionId, title: 'Old call' }),
    ])
    expect(await first.expect(200, 'GET', '/api/meetings/legacy-meeting/minutes')).toMatchObject({
      minutes: { text: 'Minutes written before there were accounts.' },
    })
    const editor = client(first, 'legacy-meeting')
    await editor.synced()
    expect(editor.doc.getXmlFragment(MINUTES_FIELD).toString()).toContain('before there were')

    // Only the first coalition adopts: the next one starts empty.
    const second = new AccordClient(server.url)
    await second.signUp('Mallory')
    const other = await second.expect(201, 'POST', '/api/coalitions', {
      name: 'Another Coalition',
      organisation: { name: 'Elsewhere Trust', shortName: 'ET' },
    })
    const otherList = await second.expect(
      200,
      'GET',
      `/api/coalitions/${other.membership.coalition.id}/meetings`,
    )
    expect(otherList.meetings).toEqual([])
    expect((await second.request('GET', '/api/meetings/legacy-meeting')).status).toBe(404)
  })
})

describe('sync endpoint', () => {
  it('closes a signed-in socket for an unknown meeting with 4404', async () => {
    const { chair } = await signedInChair()
    expect(await closeOf(rawSocket(chair, 'no-such-meeting'))).toBe(4404)
  })

  it('stores an edit in SQLite before acknowledging it, and serves it after restart', async () => {
    const { chair, meetingId } = await chairWithMeeting()
    const alice = client(chair, meetingId)
    const bob = client(chair, meetingId)
    await Promise.all([alice.synced(), bob.synced()])
    alice.text.insert(0, 'Carers UK will brief MPs by the 20th.')
    let storedWhenSaved: string | undefined
    alice.saveStatus.onChange((saved) => {
      if (saved) storedWhenSaved ??= readStoredText(dataDir, meetingId)
    })
    await alice.saved()
    expect(storedWhenSaved).toBe('Carers UK will brief MPs by the 20th.')
    await waitFor(() => bob.text.toString() === 'Carers UK will brief MPs by the 20th.')

    // A new server on the same data directory: the session and the edit are both still there.
    for (const c of clients.splice(0)) c.destroy()
    await server.close()
    server = await startServer(config, pino({ level: 'silent' }))
    const again = new AccordClient(server.url)
    again.cookie = chair.cookie
    const carol = client(again, meetingId)
    await carol.synced()
    expect(carol.text.toString()).toBe('Carers UK will brief MPs by the 20th.')
  })

  it('reads the stored minutes with the shared schema', async () => {
    const { chair, meetingId } = await chairWithMeeting()
    const alice = client(chair, meetingId)
    await alice.synced()
    addParagraph(alice.doc, 'ALC will circulate the manifesto analysis.')
    await alice.saved()
    expect(await chair.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`)).toMatchObject({
      minutes: {
        text: 'ALC will circulate the manifesto analysis.',
        json: { type: 'doc', content: [{ type: 'paragraph' }] },
      },
    })
  })

  it.each([
    ['a frame over the size limit', new Uint8Array(65 * 1024), 1009],
    ['a text frame', 'hello', 1003],
  ])(
    'closes %s with %s, stores nothing and leaves the room working',
    async (_name, frame, code) => {
      const { chair, meetingId } = await chairWithMeeting()
      const alice = client(chair, meetingId)
      await alice.synced()
      const socket = rawSocket(chair, meetingId)
      await greeted(socket)
      const closed = closeOf(socket)
      socket.send(frame)
      expect(await closed).toBe(code)
      alice.text.insert(0, 'still saving')
      await alice.saved()
      expect(readStoredText(dataDir, meetingId)).toBe('still saving')
    },
  )
})

describe('a member whose connection stops reading', () => {
  it('is dropped once too much is waiting for it, while the others carry on', async () => {
    const { chair, meetingId } = await chairWithMeeting()
    const alice = client(chair, meetingId)
    const bob = client(chair, meetingId)
    await Promise.all([alice.synced(), bob.synced()])
    const stuck = rawSocket(chair, meetingId)
    await greeted(stuck)
    expect(server.rooms.connectionCount).toBe(3)
    const closed = closeOf(stuck)
    // Stop reading: the kernel buffers fill, then the server's buffer for this socket grows.
    ;(stuck as unknown as { _socket: { pause(): void; resume(): void } })._socket.pause()

    const paragraph = 'Minutes of a very long meeting. '.repeat(1000)
    for (let i = 0; i < 1000; i++) {
      alice.text.insert(alice.text.length, paragraph)
      if (i % 20 === 19) await alice.saved()
      if (server.rooms.connectionCount === 2) break
    }
    await waitFor(() => server.rooms.connectionCount === 2, {
      message: 'the stuck socket should be dropped',
    })
    ;(stuck as unknown as { _socket: { resume(): void } })._socket.resume()
    expect(await closed).toBe(1006)
    await alice.saved()
    await waitFor(() => bob.text.length === alice.text.length)
  })
})

/** Reads the document straight from the SQLite file, through a connection of its own. */
function readStoredText(dir: string, meetingId: string): string {
  const db = new Database(path.join(dir, 'accord.sqlite'), { readonly: true })
  try {
    const rows = db
      .prepare<[string], { data: Buffer }>('SELECT data FROM document_updates WHERE doc = ?')
      .all(meetingId)
    const doc = new Y.Doc()
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
    return doc.getText('text').toString()
  } finally {
    db.close()
  }
}

/**
 * A database as the server left it before accounts existed: schema version 1 (the first
 * migration, copied here as it shipped) with one meeting and its minutes.
 */
function writeVersion1Database(
  dir: string,
  meeting: { id: string; title: string; date: string; update: Uint8Array },
) {
  const db = new Database(path.join(dir, 'accord.sqlite'))
  try {
    db.exec(`CREATE TABLE meetings (
       id TEXT PRIMARY KEY,
       title TEXT NOT NULL,
       date TEXT NOT NULL,
       created_at TEXT NOT NULL
     );
     CREATE TABLE document_updates (
       id INTEGER PRIMARY KEY,
       doc TEXT NOT NULL,
       data BLOB NOT NULL
     );
     CREATE INDEX document_updates_by_doc ON document_updates (doc, id);`)
    db.pragma('user_version = 1')
    db.prepare('INSERT INTO meetings (id, title, date, created_at) VALUES (?, ?, ?, ?)').run(
      meeting.id,
      meeting.title,
      meeting.date,
      '2024-11-05T10:00:00.000Z',
    )
    db.prepare('INSERT INTO document_updates (doc, data) VALUES (?, ?)').run(
      meeting.id,
      meeting.update,
    )
  } finally {
    db.close()
  }
}
