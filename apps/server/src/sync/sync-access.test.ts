import type { EventEmitter } from 'node:events'
import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import type { Socket } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { readMinutes } from '@accord/minutes'
import { CloseCode, MessageType, SyncMessageType } from '@accord/sync'
import { waitFor, type Client } from '@accord/sync/testing'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import {
  AccordClient,
  PASSWORD,
  seedCoalition,
  type SeededCoalition,
} from '../testing/accord-client.ts'
import { addParagraph } from '../testing/minutes.ts'

/** y-protocols/auth: the one auth message there is. */
const PERMISSION_DENIED = 0

let server: RunningServer | undefined
let dataDir: string | undefined
const clients: Client[] = []
const sockets: WebSocket[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const socket of sockets.splice(0)) socket.terminate()
  await server?.close()
  server = undefined
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

/** A server with its own data directory, and a coalition with one person in each role. */
async function start(env: Record<string, string> = {}): Promise<SeededCoalition> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-sync-access-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env }),
    pino({ level: 'silent' }),
  )
  return seedCoalition(server.url)
}

function running(): RunningServer {
  if (!server) throw new Error('start() the server first')
  return server
}

/** The Origin of the server's own pages. */
const ownOrigin = () => running().url

/** A real y-websocket client of the meeting, carrying the person's session. */
function editor(person: AccordClient, meetingId: string) {
  const client = person.sync(meetingId)
  clients.push(client)
  return client
}

/** Every code a provider's socket was closed with by the server. */
function closeCodes(client: Client): number[] {
  const codes: number[] = []
  client.provider.on('connection-close', (event) => {
    if (event) codes.push(event.code)
  })
  return codes
}

interface RawSocket {
  socket: WebSocket
  received: Uint8Array[]
  opened: boolean
  /** Set when the server answered the upgrade with a plain HTTP response instead. */
  refused?: { status: number; retryAfter: string | undefined }
  closed?: { code: number; reason: string }
}

/** A bare `ws` socket with whatever headers a test wants to send, recording what happens. */
function rawSocket(
  meetingId: string,
  headers: { cookie?: string | undefined; origin?: string } = {},
): RawSocket {
  const sent: Record<string, string> = {}
  if (headers.cookie) sent['cookie'] = headers.cookie
  if (headers.origin !== undefined) sent['origin'] = headers.origin
  const socket = new WebSocket(`${running().url.replace(/^http/, 'ws')}/sync/${meetingId}`, {
    headers: sent,
  })
  const raw: RawSocket = { socket, received: [], opened: false }
  socket.on('open', () => (raw.opened = true))
  socket.on('message', (data: Buffer) => raw.received.push(new Uint8Array(data)))
  socket.on('close', (code, reason) => (raw.closed = { code, reason: reason.toString() }))
  socket.on('unexpected-response', (_request, response: IncomingMessage) => {
    const retryAfter = response.headers['retry-after']
    raw.refused = {
      status: response.statusCode ?? 0,
      retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
    }
    response.resume()
    socket.terminate()
  })
  // Terminating a socket that never opened reports an error; the test looks at `refused`.
  socket.on('error', () => {})
  sockets.push(socket)
  return raw
}

async function closedWith(raw: RawSocket, timeout = 5000): Promise<number> {
  await waitFor(() => raw.closed !== undefined || raw.refused !== undefined, {
    timeout,
    message: 'the socket should be closed',
  })
  if (raw.refused) throw new Error(`refused with HTTP ${raw.refused.status}, not closed`)
  return raw.closed!.code
}

async function refusedWith(raw: RawSocket): Promise<number> {
  await waitFor(() => raw.refused !== undefined || raw.closed !== undefined, {
    message: 'the upgrade should be answered',
  })
  if (!raw.refused) throw new Error(`upgraded and closed with ${raw.closed!.code}, not refused`)
  expect(raw.opened).toBe(false)
  return raw.refused.status
}

/** Waits for the server's greeting (its sync step 1), which only an admitted socket gets. */
async function admitted(raw: RawSocket): Promise<void> {
  await waitFor(() => raw.received.length > 0 || raw.closed !== undefined || !!raw.refused, {
    message: 'the server should greet the socket',
  })
  if (raw.received.length === 0) {
    throw new Error(`not admitted: ${JSON.stringify(raw.refused ?? raw.closed)}`)
  }
  expect(raw.received[0]!.slice(0, 2)).toEqual(
    new Uint8Array([MessageType.Sync, SyncMessageType.Step1]),
  )
}

/** A sync update frame, as y-protocols/sync `writeUpdate` writes it. */
function updateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, SyncMessageType.Update)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** The auth messages a socket received, decoded. */
function authMessages(raw: RawSocket) {
  return raw.received
    .filter((message) => message[0] === MessageType.Auth)
    .map((message) => {
      const decoder = decoding.createDecoder(message)
      decoding.readVarUint(decoder)
      return { authType: decoding.readVarUint(decoder), reason: decoding.readVarString(decoder) }
    })
}

/** An update that adds a paragraph, made without the server's state, as an attacker could. */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  addParagraph(doc, text)
  return Y.encodeStateAsUpdate(doc)
}

const linesOf = (doc: Y.Doc) => readMinutes(doc).text.split('\n').filter(Boolean)

async function emailOf(seed: SeededCoalition, personId: string): Promise<string> {
  const { members } = await seed.chair.expect(
    200,
    'GET',
    `/api/coalitions/${seed.coalitionId}/members`,
  )
  return members.find((m: { personId: string }) => m.personId === personId).email
}

describe('admission', () => {
  it.each([
    ['no cookie', undefined],
    ['a cookie that is not a session', 'accord_session=not-a-session-token'],
  ])('closes a socket with %s with 4401', async (_name, cookie) => {
    const seed = await start()
    const raw = rawSocket(seed.meetingId, { cookie })
    expect(await closedWith(raw)).toBe(CloseCode.Unauthenticated)
    expect(raw.received).toEqual([])
  })

  it('closes a socket carrying the cookie of a signed-out session with 4401', async () => {
    const seed = await start()
    const cookie = seed.member.cookie
    // The same cookie is admitted while the session lasts...
    const before = rawSocket(seed.meetingId, { cookie })
    await admitted(before)
    await seed.member.expect(204, 'POST', '/api/auth/sign-out')
    // ...and not once it has ended.
    const after = rawSocket(seed.meetingId, { cookie })
    expect(await closedWith(after)).toBe(CloseCode.Unauthenticated)
    expect(after.received).toEqual([])
  })

  it('closes an outsider with 4404, exactly as for a meeting that does not exist', async () => {
    const seed = await start()
    const outsider = rawSocket(seed.meetingId, { cookie: seed.outsider.cookie })
    const madeUp = rawSocket('AAAAAAAAAAAAAAAAAAAAAA', { cookie: seed.member.cookie })
    expect(await closedWith(outsider)).toBe(CloseCode.MeetingNotFound)
    expect(await closedWith(madeUp)).toBe(CloseCode.MeetingNotFound)
    expect(outsider.closed!.reason).toBe(madeUp.closed!.reason)
    expect(outsider.received).toEqual([])
    // The same meeting opens for a member of its coalition.
    await admitted(rawSocket(seed.meetingId, { cookie: seed.member.cookie }))
  })
})

describe('origins', () => {
  it('refuses a foreign Origin with HTTP 403 before the upgrade, session or not', async () => {
    const seed = await start()
    const own = new URL(ownOrigin())
    const foreign = [
      'https://evil.example',
      'null',
      `http://${own.host}.evil.example`,
      `http://evil.example:${own.port}`,
      `${ownOrigin()}/`,
    ]
    for (const origin of foreign) {
      const raw = rawSocket(seed.meetingId, { cookie: seed.member.cookie, origin })
      expect({ origin, status: await refusedWith(raw) }).toEqual({ origin, status: 403 })
    }
    // Nothing was admitted.
    expect(running().live.size).toBe(0)
  })

  it("accepts the server's own origin (http or https, same host) and no Origin at all", async () => {
    const seed = await start()
    const own = new URL(ownOrigin())
    for (const origin of [ownOrigin(), `https://${own.host}`, undefined]) {
      const raw = rawSocket(seed.meetingId, {
        cookie: seed.member.cookie,
        ...(origin ? { origin } : {}),
      })
      await admitted(raw)
    }
    expect(running().live.size).toBe(3)
  })

  it("with PUBLIC_ORIGIN set, accepts that origin and refuses the server's own host", async () => {
    const seed = await start({ PUBLIC_ORIGIN: 'https://minutes.example.org' })
    await admitted(
      rawSocket(seed.meetingId, {
        cookie: seed.member.cookie,
        origin: 'https://minutes.example.org',
      }),
    )
    const own = rawSocket(seed.meetingId, { cookie: seed.member.cookie, origin: ownOrigin() })
    expect(await refusedWith(own)).toBe(403)
    const http = rawSocket(seed.meetingId, {
      cookie: seed.member.cookie,
      origin: 'http://minutes.example.org',
    })
    expect(await refusedWith(http)).toBe(403)
  })
})

describe('observers', () => {
  it('receive edits live, and their own edits are dropped with "permission denied"', async () => {
    const seed = await start()
    const member = editor(seed.member, seed.meetingId)
    const watching = editor(seed.observer, seed.meetingId)
    await Promise.all([member.synced(), watching.synced()])
    addParagraph(member.doc, 'FPCT will draft the letter to the minister.')
    await waitFor(() =>
      linesOf(watching.doc).includes('FPCT will draft the letter to the minister.'),
    )

    const observer = rawSocket(seed.meetingId, { cookie: seed.observer.cookie })
    await admitted(observer)
    observer.socket.send(updateFrame(paragraphUpdate('Forged by the observer.')))
    await waitFor(() => authMessages(observer).length > 0, {
      message: 'the observer should be told its edit was refused',
    })
    expect(authMessages(observer)).toEqual([
      { authType: PERMISSION_DENIED, reason: expect.any(String) },
    ])

    // An edit made after the forged frame was handled is stored and delivered; the forged one
    // would have been committed with or before it.
    addParagraph(member.doc, 'CNN will brief MPs by the 20th.')
    await member.saved()
    const expected = [
      'FPCT will draft the letter to the minister.',
      'CNN will brief MPs by the 20th.',
    ]
    await waitFor(() => linesOf(watching.doc).includes('CNN will brief MPs by the 20th.'))
    expect(linesOf(watching.doc)).toEqual(expected)
    expect(linesOf(member.doc)).toEqual(expected)
    const { minutes } = await seed.chair.expect(
      200,
      'GET',
      `/api/meetings/${seed.meetingId}/minutes`,
    )
    expect(minutes.text.split('\n')).toEqual(expected)
    // Refused, not thrown out: the observer keeps watching.
    expect(observer.closed).toBeUndefined()
  })
})

describe('presence', () => {
  it("writes the account's name, organisation and role over what the client claims", async () => {
    const seed = await start()
    const member = editor(seed.member, seed.meetingId)
    const chair = editor(seed.chair, seed.meetingId)
    await Promise.all([member.synced(), chair.synced()])
    member.provider.awareness.setLocalStateField('user', {
      name: 'The Chair',
      organisation: 'ALC',
      role: 'chair',
      color: '#123456',
    })
    const seen = () =>
      chair.provider.awareness.getStates().get(member.doc.clientID)?.['user'] as
        Record<string, unknown> | undefined
    // The colour is the client's own choice, so it marks the forged state's arrival.
    await waitFor(() => seen()?.['color'] === '#123456', {
      message: "the chair should see the member's presence",
    })
    expect(seen()).toEqual({ name: 'Tom', organisation: 'CNN', role: 'member', color: '#123456' })
  })
})

describe('sign-out', () => {
  it("closes that session's open socket with 4401 at once", async () => {
    const seed = await start()
    const member = editor(seed.member, seed.meetingId)
    const codes = closeCodes(member)
    await member.synced()
    await seed.member.expect(204, 'POST', '/api/auth/sign-out')
    // Well inside SESSION_CHECK_SECONDS (30 s): this is the sign-out, not the periodic check.
    await waitFor(() => codes.length > 0, { timeout: 1000, message: 'the socket should close' })
    expect(codes).toEqual([CloseCode.Unauthenticated])
  })

  it('in another session of the same person leaves this one open', async () => {
    const seed = await start()
    const laptop = new AccordClient(running().url)
    await laptop.expect(200, 'POST', '/api/auth/sign-in', {
      email: await emailOf(seed, seed.ids.member),
      password: PASSWORD,
    })
    const onPhone = editor(seed.member, seed.meetingId)
    const onLaptop = editor(laptop, seed.meetingId)
    const chair = editor(seed.chair, seed.meetingId)
    const phoneCodes = closeCodes(onPhone)
    const laptopCodes = closeCodes(onLaptop)
    await Promise.all([onPhone.synced(), onLaptop.synced(), chair.synced()])

    await laptop.expect(204, 'POST', '/api/auth/sign-out')
    await waitFor(() => laptopCodes.length > 0, { timeout: 1000 })
    expect(laptopCodes).toEqual([CloseCode.Unauthenticated])
    // After that close, the phone still receives the chair's edits on the same socket.
    addParagraph(chair.doc, 'Agreed to meet again in a fortnight.')
    await waitFor(() => linesOf(onPhone.doc).includes('Agreed to meet again in a fortnight.'))
    expect(phoneCodes).toEqual([])
    expect(onPhone.provider.wsconnected).toBe(true)
  })
})

describe('membership changes', () => {
  it("removing a member closes their socket with 4403, and they can't come back", async () => {
    const seed = await start()
    const member = editor(seed.member, seed.meetingId)
    const codes = closeCodes(member)
    await member.synced()
    await seed.chair.expect(
      204,
      'DELETE',
      `/api/coalitions/${seed.coalitionId}/members/${seed.ids.member}`,
    )
    await waitFor(() => codes.length > 0, { timeout: 1000 })
    expect(codes).toEqual([CloseCode.Forbidden])
    const again = rawSocket(seed.meetingId, { cookie: seed.member.cookie })
    expect(await closedWith(again)).toBe(CloseCode.MeetingNotFound)
  })

  it('making a member an observer closes their socket with 4403; they come back read-only', async () => {
    const seed = await start()
    const member = editor(seed.member, seed.meetingId)
    const codes = closeCodes(member)
    await member.synced()
    await seed.chair.expect(
      200,
      'PATCH',
      `/api/coalitions/${seed.coalitionId}/members/${seed.ids.member}`,
      { role: 'observer' },
    )
    await waitFor(() => codes.length > 0, { timeout: 1000 })
    expect(codes).toEqual([CloseCode.Forbidden])

    const again = rawSocket(seed.meetingId, { cookie: seed.member.cookie })
    await admitted(again)
    again.socket.send(updateFrame(paragraphUpdate('Written after the demotion.')))
    await waitFor(() => authMessages(again).length > 0)
    expect(authMessages(again)[0]!.authType).toBe(PERMISSION_DENIED)
    // The chair's later edit is stored alone.
    const chair = editor(seed.chair, seed.meetingId)
    await chair.synced()
    addParagraph(chair.doc, 'Only the chair wrote this.')
    await chair.saved()
    const { minutes } = await seed.chair.expect(
      200,
      'GET',
      `/api/meetings/${seed.meetingId}/minutes`,
    )
    expect(minutes.text).toBe('Only the chair wrote this.')
  })
})

describe('a client that ignores the close', () => {
  it('cannot write once its access was withdrawn', async () => {
    const seed = await start()
    const chair = editor(seed.chair, seed.meetingId)
    await chair.synced()
    const member = rawSocket(seed.meetingId, { cookie: seed.member.cookie })
    await admitted(member)
    // A client that never answers the server's close frame, so its socket stays open for writing
    // until the server's close timeout (30 s).
    const receiver = (member.socket as unknown as { _receiver: EventEmitter })._receiver
    receiver.removeAllListeners('conclude')
    const told: number[] = []
    receiver.on('conclude', (code: number) => told.push(code))

    await seed.chair.expect(
      204,
      'DELETE',
      `/api/coalitions/${seed.coalitionId}/members/${seed.ids.member}`,
    )
    await waitFor(() => told.length > 0)
    expect(told).toEqual([CloseCode.Forbidden])
    member.socket.send(updateFrame(paragraphUpdate('Written after the removal.')))
    // The end of the TCP stream follows the frame: once the server has seen it, it has read the
    // frame, and anything the frame queued is committed with or before the chair's next edit.
    ;(member.socket as unknown as { _socket: Socket })._socket.end()
    await waitFor(() => running().rooms.connectionCount === 1)
    addParagraph(chair.doc, 'Only the chair wrote this.')
    await chair.saved()
    const { minutes } = await seed.chair.expect(
      200,
      'GET',
      `/api/meetings/${seed.meetingId}/minutes`,
    )
    expect(minutes.text).toBe('Only the chair wrote this.')
    expect(linesOf(chair.doc)).toEqual(['Only the chair wrote this.'])
  })
})

describe('the periodic check', () => {
  it('closes a socket whose session was revoked in the database with 4401', async () => {
    const seed = await start({ SESSION_CHECK_SECONDS: '1' })
    const member = editor(seed.member, seed.meetingId)
    const chair = editor(seed.chair, seed.meetingId)
    const memberCodes = closeCodes(member)
    const chairCodes = closeCodes(chair)
    await Promise.all([member.synced(), chair.synced()])
    writeDatabase((db) =>
      db
        .prepare('UPDATE sessions SET revoked_at = ? WHERE person_id = ?')
        .run(new Date().toISOString(), seed.ids.member),
    )
    await waitFor(() => memberCodes.length > 0, {
      timeout: 3500,
      message: 'the periodic check should close the revoked session',
    })
    expect(memberCodes).toEqual([CloseCode.Unauthenticated])
    // The same check left the chair's live session alone.
    expect(chairCodes).toEqual([])
    expect(chair.provider.wsconnected).toBe(true)
  })

  it('closes sockets whose role changed or membership ended in the database with 4403', async () => {
    const seed = await start({ SESSION_CHECK_SECONDS: '1' })
    const member = editor(seed.member, seed.meetingId)
    const secretariat = editor(seed.secretariat, seed.meetingId)
    const chair = editor(seed.chair, seed.meetingId)
    const memberCodes = closeCodes(member)
    const secretariatCodes = closeCodes(secretariat)
    const chairCodes = closeCodes(chair)
    await Promise.all([member.synced(), secretariat.synced(), chair.synced()])
    writeDatabase((db) => {
      db.prepare("UPDATE memberships SET role = 'observer' WHERE person_id = ?").run(
        seed.ids.member,
      )
      db.prepare('DELETE FROM memberships WHERE person_id = ?').run(seed.ids.secretariat)
    })
    await waitFor(() => memberCodes.length > 0 && secretariatCodes.length > 0, {
      timeout: 3500,
      message: 'the periodic check should close both',
    })
    expect(memberCodes).toEqual([CloseCode.Forbidden])
    expect(secretariatCodes).toEqual([CloseCode.Forbidden])
    expect(chairCodes).toEqual([])
  })
})

describe('connection rate', () => {
  it('answers the upgrade past RATE_CONNECTIONS_PER_ADDRESS with HTTP 429 and Retry-After', async () => {
    const seed = await start({ RATE_CONNECTIONS_PER_ADDRESS: '3' })
    for (let i = 0; i < 3; i++) {
      await admitted(rawSocket(seed.meetingId, { cookie: seed.member.cookie }))
    }
    const fourth = rawSocket(seed.meetingId, { cookie: seed.member.cookie })
    expect(await refusedWith(fourth)).toBe(429)
    const retryAfter = Number(fourth.refused!.retryAfter)
    expect(Number.isInteger(retryAfter)).toBe(true)
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
  })
})

describe('a y-websocket client', () => {
  it('reconnects after a dropped connection but not after 4401', async () => {
    const seed = await start()
    const member = editor(seed.member, seed.meetingId)
    const codes = closeCodes(member)
    await member.synced()

    // The control: a connection cut without a close code is retried and syncs again.
    ;(member.provider.ws as unknown as WebSocket).terminate()
    await waitFor(() => codes.length === 1)
    await waitFor(() => member.provider.synced, { timeout: 1500, message: 'should reconnect' })

    const connecting: string[] = []
    member.provider.on('status', ({ status }) => connecting.push(status))
    await seed.member.expect(204, 'POST', '/api/auth/sign-out')
    await waitFor(() => codes.length === 2, { timeout: 1000 })
    expect(codes[1]).toBe(CloseCode.Unauthenticated)
    expect(member.provider.shouldConnect).toBe(false)
    // Given the time in which it reconnected above, it does not try again.
    await new Promise((resolve) => setTimeout(resolve, 1500))
    expect(connecting).toEqual(['disconnected'])
    expect(running().live.size).toBe(0)
    expect(running().rooms.connectionCount).toBe(0)
  })
})

/** Writes to the server's database through a connection of its own, as an operator would. */
function writeDatabase(write: (db: Database.Database) => void): void {
  const db = new Database(path.join(dataDir!, 'accord.sqlite'))
  try {
    write(db)
  } finally {
    db.close()
  }
}
