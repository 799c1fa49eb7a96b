import fs from 'node:fs'
import type { IncomingMessage } from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { waitFor } from '@accord/sync/testing'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition, type SeededCoalition } from '../testing/accord-client.ts'
import { REFUSAL_HEADER } from './connection-cap.ts'

// The real server, in this process, with a small cap and the shortest handshake timeout, so
// each limit is reached in a few sockets and a second or two.
const CAP = 3
const HANDSHAKE_TIMEOUT_MS = 1000

let server: RunningServer | undefined
let dataDir: string | undefined
const opened: { destroy(): void }[] = []

afterEach(async () => {
  for (const socket of opened.splice(0)) socket.destroy()
  await server?.close()
  server = undefined
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

async function start(): Promise<SeededCoalition> {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-connection-limits-'))
  server = await startServer(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      MAX_CONNECTIONS_PER_ADDRESS: String(CAP),
      HANDSHAKE_TIMEOUT_MS: String(HANDSHAKE_TIMEOUT_MS),
    }),
    pino({ level: 'silent' }),
  )
  return seedCoalition(server.url)
}

type Outcome =
  { admitted: true } | { status: number; refusal: string | undefined } | { closed: number }

/** A signed-in websocket from the given loopback address: greeted, or refused before upgrade. */
function openSocket(meetingId: string, cookie: string, localAddress: string) {
  const socket = new WebSocket(`${server!.url.replace(/^http/, 'ws')}/sync/${meetingId}`, {
    headers: { cookie },
    localAddress,
  })
  opened.push({ destroy: () => socket.terminate() })
  socket.on('error', () => {})
  const outcome = new Promise<Outcome>((resolve) => {
    // The server speaks first to an admitted socket: its sync step 1.
    socket.once('message', () => resolve({ admitted: true }))
    socket.on('unexpected-response', (_request, response: IncomingMessage) => {
      response.resume()
      resolve({
        status: response.statusCode ?? 0,
        refusal: response.headers[REFUSAL_HEADER.toLowerCase()] as string | undefined,
      })
    })
    socket.on('close', (code) => resolve({ closed: code }))
  })
  return { socket, outcome }
}

/** A raw TCP connection from the test, with when it was closed by the server. */
function rawConnection(localAddress = '127.0.0.4') {
  const socket = net.connect({ port: server!.port, host: '127.0.0.1', localAddress })
  opened.push(socket)
  const connection = { socket, received: '', closedAfterMs: undefined as number | undefined }
  const started = Date.now()
  socket.on('error', () => {})
  // Read everything, or the server's close would wait unread behind its answer.
  socket.on('data', (chunk: Buffer) => (connection.received += chunk.toString('latin1')))
  socket.on('close', () => (connection.closedAfterMs = Date.now() - started))
  return connection
}

const closedByServer = (connection: ReturnType<typeof rawConnection>) =>
  waitFor(() => connection.closedAfterMs !== undefined, {
    timeout: 10_000,
    message: 'the server should close the connection',
  })

describe('open websockets per address (MAX_CONNECTIONS_PER_ADDRESS)', () => {
  it('refuses one more before the upgrade, counts other addresses apart, and frees a place on close', async () => {
    const { meetingId, member } = await start()
    const held = Array.from({ length: CAP }, () =>
      openSocket(meetingId, member.cookie!, '127.0.0.2'),
    )
    for (const { outcome } of held) expect(await outcome).toEqual({ admitted: true })

    const over = await openSocket(meetingId, member.cookie!, '127.0.0.2').outcome
    expect(over).toEqual({
      status: 429,
      refusal: expect.stringMatching(/too many open connections/),
    })

    // The same person from another address (another office) is not held back by the first.
    expect(await openSocket(meetingId, member.cookie!, '127.0.0.3').outcome).toEqual({
      admitted: true,
    })

    // A socket that vanishes without a close handshake frees its place too.
    held[0]!.socket.terminate()
    await waitFor(() => held[0]!.socket.readyState === WebSocket.CLOSED)
    // The server sees the reset a moment after the client does: try until it has.
    let again: Outcome | undefined
    for (let attempt = 0; attempt < 20; attempt++) {
      again = await openSocket(meetingId, member.cookie!, '127.0.0.2').outcome
      if ('admitted' in again) break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(again).toEqual({ admitted: true })
  })
})

describe('handshakes that never finish (HANDSHAKE_TIMEOUT_MS)', () => {
  it('closes a connection that sends nothing, one that dribbles its headers, and an idle keep-alive', async () => {
    await start()
    const silent = rawConnection()
    const slowloris = rawConnection()
    const dribble = setInterval(() => slowloris.socket.write('X-Still-Here: yes\r\n'), 200)
    slowloris.socket.write(`GET /sync/x HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n`)
    const keepAlive = rawConnection()
    keepAlive.socket.write('GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n')
    try {
      await Promise.all([silent, slowloris, keepAlive].map(closedByServer))
    } finally {
      clearInterval(dribble)
    }
    expect(silent.received).toMatch(/^HTTP\/1\.1 408/)
    expect(slowloris.received).toMatch(/^HTTP\/1\.1 408/)
    // The keep-alive connection got its answer, then was closed for idling.
    expect(keepAlive.received).toMatch(/^HTTP\/1\.1 \d{3}/)
    // Node's defaults would hold each for 60 s or more; the bound here is the setting plus the
    // once-a-second check, with room for a busy machine.
    for (const connection of [silent, slowloris, keepAlive]) {
      expect(connection.closedAfterMs).toBeLessThan(HANDSHAKE_TIMEOUT_MS + 4000)
    }
  })

  it('closes a burst of silent connections, many more than it closes per turn, every one', async () => {
    await start()
    // Connected together, so they time out together and are closed over several turns.
    const burst = Array.from({ length: 300 }, () => rawConnection())
    await Promise.all(burst.map(closedByServer))
    expect(burst.filter((c) => /^HTTP\/1\.1 408/.test(c.received))).toHaveLength(300)
  })

  it('still answers a malformed request with 400 and oversized headers with 431', async () => {
    await start()
    const garbage = rawConnection()
    garbage.socket.write('NOT HTTP AT ALL\r\n\r\n')
    const oversized = rawConnection()
    oversized.socket.write(
      `GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    )
    await Promise.all([garbage, oversized].map(closedByServer))
    expect(garbage.received).toMatch(/^HTTP\/1\.1 400/)
    expect(oversized.received).toMatch(/^HTTP\/1\.1 431/)
  })

  it('drops a refused websocket whose peer never answers the close', async () => {
    await start()
    const connection = rawConnection()
    connection.socket.write(
      [
        'GET /sync/no-such-meeting HTTP/1.1',
        'Host: 127.0.0.1',
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Version: 13',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        '',
        '',
      ].join('\r\n'),
    )
    // Upgraded, sent its 4401 close frame, and waited for an answer that never comes.
    await closedByServer(connection)
    expect(connection.received).toMatch(/^HTTP\/1\.1 101/)
    expect(connection.received).toContain('sign in first')
    // ws would wait 30 s by default before dropping it.
    expect(connection.closedAfterMs).toBeLessThan(HANDSHAKE_TIMEOUT_MS + 4000)
  })
})
