import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { connectClient, waitFor, type Client } from '@accord/sync/testing'
import { loadConfig } from './config.ts'
import { startServer, type RunningServer } from './server.ts'

let server: RunningServer
let dataDir: string
const clients: Client[] = []

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-server-'))
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    MAX_MESSAGE_BYTES: String(64 * 1024),
    MAX_BUFFERED_BYTES: String(256 * 1024),
  })
  server = await startServer(config, pino({ level: 'silent' }))
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

function api(pathname: string, init?: RequestInit) {
  return fetch(`${server.url}${pathname}`, init)
}

async function createMeeting(title = 'Fortnightly call') {
  const response = await api('/api/meetings', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, date: '2025-03-04' }),
  })
  expect(response.status).toBe(201)
  const { meeting } = (await response.json()) as { meeting: { id: string } }
  return meeting.id
}

function client(meetingId: string) {
  const c = connectClient(`${server.url.replace('http', 'ws')}/sync`, meetingId)
  clients.push(c)
  return c
}

function closeOf(socket: WebSocket) {
  return new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
}

describe('HTTP API', () => {
  it('answers health', async () => {
    const response = await api('/api/health')
    expect(await response.json()).toEqual({ ok: true })
  })

  it('creates, lists and gets meetings', async () => {
    const id = await createMeeting('Reform alliance')
    const list = (await (await api('/api/meetings')).json()) as { meetings: { id: string }[] }
    expect(list.meetings.map((m) => m.id)).toEqual([id])
    const got = await api(`/api/meetings/${id}`)
    expect(await got.json()).toMatchObject({
      meeting: { id, title: 'Reform alliance', date: '2025-03-04' },
    })
  })

  it.each([
    ['a missing title', { date: '2025-03-04' }, 'title'],
    ['a blank title', { title: '   ', date: '2025-03-04' }, 'title'],
    ['an impossible date', { title: 'Call', date: '2025-02-30' }, 'date'],
    ['a date in another format', { title: 'Call', date: '04/03/2025' }, 'date'],
  ])('refuses %s with 400 and changes nothing', async (_name, body, field) => {
    const response = await api('/api/meetings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
    expect(response.status).toBe(400)
    const error = (await response.json()) as { error: { code: string; message: string } }
    expect(error.error.code).toBe('invalid_request')
    expect(error.error.message).toContain(field)
    const list = (await (await api('/api/meetings')).json()) as { meetings: unknown[] }
    expect(list.meetings).toEqual([])
  })

  it('refuses a body that is not JSON', async () => {
    const response = await api('/api/meetings', { method: 'POST', body: 'title=Call' })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ error: { code: 'invalid_json' } })
  })

  it('answers 404 in the error shape for an unknown meeting', async () => {
    const response = await api('/api/meetings/no-such-meeting')
    expect(response.status).toBe(404)
    expect(await response.json()).toMatchObject({ error: { code: 'not_found' } })
  })
})

describe('sync endpoint', () => {
  it('closes a socket for an unknown meeting with 4404', async () => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/sync/no-such-meeting`)
    expect(await closeOf(socket)).toBe(4404)
  })

  it('stores an edit in SQLite before acknowledging it, and serves it after restart', async () => {
    const id = await createMeeting()
    const alice = client(id)
    const bob = client(id)
    await Promise.all([alice.synced(), bob.synced()])
    alice.text.insert(0, 'Carers UK will brief MPs by the 20th.')
    let storedWhenSaved: string | undefined
    alice.saveStatus.onChange((saved) => {
      if (saved) storedWhenSaved ??= readStoredText(dataDir, id)
    })
    await alice.saved()
    expect(storedWhenSaved).toBe('Carers UK will brief MPs by the 20th.')
    await waitFor(() => bob.text.toString() === 'Carers UK will brief MPs by the 20th.')
  })

  it('reads the stored minutes with the shared schema', async () => {
    const id = await createMeeting()
    const alice = client(id)
    await alice.synced()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('ALC will circulate the manifesto analysis.')])
    alice.doc.getXmlFragment('default').insert(0, [paragraph])
    await alice.saved()
    const response = await api(`/api/meetings/${id}/minutes`)
    expect(await response.json()).toMatchObject({
      minutes: { text: 'ALC will circulate the manifesto analysis.' },
    })
  })

  it.each([
    ['a frame over the size limit', new Uint8Array(65 * 1024), 1009],
    ['a text frame', 'hello', 1003],
  ])(
    'closes %s with %s, stores nothing and leaves the room working',
    async (_name, frame, code) => {
      const id = await createMeeting()
      const alice = client(id)
      await alice.synced()
      const socket = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${id}`)
      await new Promise((resolve) => socket.once('open', resolve))
      const closed = closeOf(socket)
      socket.send(frame)
      expect(await closed).toBe(code)
      alice.text.insert(0, 'still saving')
      await alice.saved()
      expect(readStoredText(dataDir, id)).toBe('still saving')
    },
  )
})

describe('a member whose connection stops reading', () => {
  it('is dropped once too much is waiting for it, while the others carry on', async () => {
    const id = await createMeeting()
    const alice = client(id)
    const bob = client(id)
    await Promise.all([alice.synced(), bob.synced()])
    const stuck = new WebSocket(`${server.url.replace('http', 'ws')}/sync/${id}`)
    await new Promise((resolve) => stuck.once('open', resolve))
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
