/**
 * Cross-site websocket hijacking (OWASP WebSocket checklist: "check the Origin header"). A page
 * on another site can make a signed-in member's browser open /sync/:id with their cookie; only
 * the Origin header tells the server it is not its own page. Every bad Origin must be refused
 * with HTTP 403 before the upgrade: no 101, no open socket, not one byte of the minutes, and
 * nothing written, even by a client that sends its frames without waiting for the answer.
 *
 * Both modes of apps/server/src/http/origin.ts: same-origin (no PUBLIC_ORIGIN) and an explicit
 * PUBLIC_ORIGIN allowlist, under which the server's own address is foreign too. The bad origins
 * are made from the good one by category (bad-origins.ts); sync-access.test.ts has the basic
 * cases, this is the sweep.
 */
import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import os from 'node:os'
import path from 'node:path'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import pino from 'pino'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { MINUTES_FIELD, readMinutes } from '@accord/minutes'
import { MessageType, SyncMessageType } from '@accord/sync'
import { waitFor } from '@accord/sync/testing'
import { loadConfig } from '../../apps/server/src/config.ts'
import { startServer, type RunningServer } from '../../apps/server/src/server.ts'
import { seedCoalition, type SeededCoalition } from '../../apps/server/src/testing/accord-client.ts'
import { badOrigins, originBytes, showOrigin, type BadOrigin } from './access/bad-origins.ts'
import { rawRequest, serverFrames, type RawAnswer } from './access/raw-http.ts'
import { report } from './scale.ts'

const SECRET = 'The coalition will not oppose the closure of Hill Street surgery.'
const FORGED = 'Written by a page on another site.'

let server: RunningServer | undefined
let dataDir: string | undefined
let refusedCount = 0
let attempts = 0

afterAll(() => {
  report({
    test: 'hijack',
    runs: 2,
    faults: attempts,
    checked: refusedCount,
    unit: 'bad Origins refused with 403 before the upgrade',
    losses: attempts - refusedCount,
    notes: 'same-origin and PUBLIC_ORIGIN modes; raw upgrade requests and the ws client',
  })
})

afterEach(async () => {
  await server?.close()
  server = undefined
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

/** A server, a coalition with a member, and minutes holding a line nobody outside may read. */
async function start(env: Record<string, string> = {}): Promise<SeededCoalition> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-hijack-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir, RATE_CONNECTIONS_PER_ADDRESS: '10000', ...env }),
    pino({ level: 'silent' }),
  )
  const seed = await seedCoalition(server.url)
  const chair = seed.chair.sync(seed.meetingId)
  try {
    await chair.synced()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(SECRET)])
    chair.doc.getXmlFragment(MINUTES_FIELD).insert(0, [paragraph])
    await chair.saved()
  } finally {
    chair.destroy()
  }
  await waitFor(() => server!.rooms.connectionCount === 0)
  return seed
}

function syncFrame(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** What an eager hijacker sends without waiting for the 101: "give me everything", and an edit. */
function hijackerFrames(): Uint8Array[] {
  const forged = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(FORGED)])
  forged.getXmlFragment(MINUTES_FIELD).insert(0, [paragraph])
  return [
    syncFrame(SyncMessageType.Step1, Y.encodeStateVector(new Y.Doc())),
    syncFrame(SyncMessageType.Update, Y.encodeStateAsUpdate(forged)),
  ]
}

/** A real upgrade request, byte for byte, with the member's cookie and this Origin. */
function upgrade(seed: SeededCoalition, origin: BadOrigin | string | undefined) {
  const headers: [string, string | Buffer][] = [['Cookie', seed.member.cookie!]]
  if (typeof origin === 'string') headers.push(['Origin', origin])
  else if (origin) {
    headers.push(['Origin', origin.value])
    if (origin.second) headers.push(['Origin', origin.second])
  }
  return rawRequest(server!.port, {
    target: `/sync/${seed.meetingId}`,
    upgrade: true,
    headers,
    framesAfter: hijackerFrames(),
  })
}

/** The minutes' lines found in the sync frames of a 101 answer. */
function minutesIn(answer: RawAnswer): string[] {
  const doc = new Y.Doc()
  for (const frame of serverFrames(answer.rest)) {
    if (frame.kind !== 'binary') continue
    const decoder = decoding.createDecoder(frame.payload)
    if (decoding.readVarUint(decoder) !== MessageType.Sync) continue
    if (decoding.readVarUint(decoder) === SyncMessageType.Step1) continue
    Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
  }
  return readMinutes(doc).text.split('\n').filter(Boolean)
}

/** The same Origin through the `ws` library, as a Node client would: it must never open. */
function throughWs(seed: SeededCoalition, origin: BadOrigin): Promise<number> {
  const socket = new WebSocket(`${server!.url.replace(/^http/, 'ws')}/sync/${seed.meetingId}`, {
    headers: {
      cookie: seed.member.cookie!,
      origin: origin.second ? [origin.value as string, origin.second] : (origin.value as string),
    } as unknown as Record<string, string>,
  })
  return new Promise((resolve, reject) => {
    socket.on('open', () => {
      socket.terminate()
      reject(new Error(`opened for ${showOrigin(origin)}`))
    })
    socket.on('unexpected-response', (_request, response: IncomingMessage) => {
      response.resume()
      socket.terminate()
      resolve(response.statusCode ?? 0)
    })
    socket.on('error', () => {})
  })
}

/**
 * Sends every bad Origin and checks each is refused before the upgrade; then the good ones are
 * let in and get the minutes, which shows the refusals were the Origin's doing.
 */
async function sweep(seed: SeededCoalition, bad: BadOrigin[], good: string[]) {
  expect(new Set(bad.map(originBytes)).size).toBe(bad.length)
  expect(bad.length).toBeGreaterThanOrEqual(50)
  const outcomes: string[] = []
  for (const origin of bad) {
    const answer = await upgrade(seed, origin)
    attempts++
    const outcome = {
      status: answer.status,
      bytesAfterHeaders: answer.rest.length,
      closedByServer: answer.ended,
    }
    if (outcome.status === 403 && outcome.bytesAfterHeaders === 0 && outcome.closedByServer) {
      refusedCount++
    } else {
      outcomes.push(`${showOrigin(origin)} → ${JSON.stringify(outcome)}`)
    }
    // A browser-like client library is refused the same way (it cannot send non-Latin-1 bytes).
    if (typeof origin.value === 'string') {
      const status = await throughWs(seed, origin)
      if (status !== 403) outcomes.push(`${showOrigin(origin)} → ws got ${status}`)
    }
  }
  expect(outcomes).toEqual([])
  // No connection was ever admitted, so nothing could be read or written.
  expect(server!.live.size).toBe(0)
  expect(server!.rooms.connectionCount).toBe(0)
  const { minutes } = await seed.chair.expect(200, 'GET', `/api/meetings/${seed.meetingId}/minutes`)
  expect(minutes.text).toBe(SECRET)

  // The control: the same request with a good Origin is upgraded and served the minutes.
  for (const origin of good) {
    const answer = await upgrade(seed, origin)
    expect({ origin, status: answer.status }).toEqual({ origin, status: 101 })
    expect(minutesIn(answer)).toContain(SECRET)
  }
}

describe('cross-site websocket hijacking', () => {
  it('same-origin mode: every bad Origin gets 403 before the upgrade; the own origin gets in', async () => {
    const seed = await start()
    const own = server!.url
    const bad = badOrigins(own, false)
    // Our own origin, and https on our own host (a TLS proxy in front), are the good ones.
    await sweep(seed, bad, [own, `https://${new URL(own).host}`])
  })

  it('PUBLIC_ORIGIN mode: only the listed origins get in; the server’s own address is refused', async () => {
    const listed = ['https://minutes.example.org', 'https://accord.example.net:8443']
    const seed = await start({ PUBLIC_ORIGIN: listed.join(',') })
    const own = server!.url
    const bad: BadOrigin[] = [
      ...badOrigins(listed[0]!, true),
      { category: "the server's own address, not listed", value: own },
      {
        category: "the server's own host over https, not listed",
        value: `https://${new URL(own).host}`,
      },
      { category: 'a listed host on an unlisted port', value: 'https://accord.example.net' },
    ]
    await sweep(seed, bad, listed)
  })
})
