import { afterEach, describe, expect, it } from 'vitest'
import { AccordClient } from '@accord/server/testing'
import { waitFor, type Client } from '@accord/sync/testing'
import { startServerProcess, type ServerProcess } from './support/server-process.ts'

let server: ServerProcess | undefined
const clients: Client[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.kill()
})

/** The chair's session lives in the database, so it outlasts every restart of the server. */
let chairCookie: string | undefined

function connect(url: string, meetingId: string) {
  const chair = new AccordClient(url)
  chair.cookie = chairCookie
  const client = chair.sync(meetingId)
  clients.push(client)
  return client
}

async function createMeeting(url: string) {
  const chair = new AccordClient(url)
  await chair.signUp('Owen')
  chairCookie = chair.cookie
  const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
    name: 'Crash test coalition',
    organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
  })
  const { meeting } = await chair.expect(
    201,
    'POST',
    `/api/coalitions/${membership.coalition.id}/meetings`,
    {
      title: 'Crash test',
      date: '2026-11-23',
    },
  )
  return meeting.id as string
}

/** Lines must be 0, 1, 2… in order, each exactly once. */
function expectEachLineOnce(text: string) {
  const lines = text.split('\n').filter(Boolean)
  expect(lines).toEqual(lines.map((_, i) => `line ${i}`))
}

describe('a server killed with SIGKILL', () => {
  it('keeps every acknowledged edit, exactly once, across three kills', async () => {
    server = await startServerProcess()
    const { port, dataDir } = server
    const meetingId = await createMeeting(server.url)
    const writer = connect(server.url, meetingId)
    await writer.synced()
    let next = 0

    for (let round = 0; round < 3; round++) {
      let acknowledged = writer.text.toString()
      const stopRecording = writer.saveStatus.onChange((saved) => {
        if (saved) acknowledged = writer.text.toString()
      })
      // Type until some of it is acknowledged, then type on and kill with edits in flight.
      const ackedBefore = acknowledged.length
      for (const end = next + 100; next < end;) {
        writer.text.insert(writer.text.length, `line ${next++}\n`)
        if (next % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 2))
      }
      await waitFor(() => acknowledged.length > ackedBefore, { timeout: 10_000 })
      for (const end = next + 50; next < end;) {
        writer.text.insert(writer.text.length, `line ${next++}\n`)
      }
      await server.kill()
      stopRecording()
      writer.provider.disconnect()

      server = await startServerProcess({ dataDir, port })
      const reader = connect(server.url, meetingId)
      await reader.synced()
      const stored = reader.text.toString()
      expect(stored.startsWith(acknowledged)).toBe(true)
      expectEachLineOnce(stored)
      reader.destroy()

      // The writer comes back and sends what the server never stored; nothing is doubled.
      writer.provider.connect()
      await waitFor(() => writer.saveStatus.saved && writer.provider.synced, { timeout: 10_000 })
    }

    const finalReader = connect(server.url, meetingId)
    await finalReader.synced()
    expect(finalReader.text.toString()).toBe(writer.text.toString())
    expectEachLineOnce(finalReader.text.toString())
    expect(finalReader.text.toString().split('\n').filter(Boolean)).toHaveLength(450)
  }, 60_000)
})

describe('a server stopped with SIGTERM', () => {
  it('closes sockets with 1001, exits cleanly and keeps what it acknowledged', async () => {
    server = await startServerProcess()
    const { port, dataDir } = server
    const meetingId = await createMeeting(server.url)
    const writer = connect(server.url, meetingId)
    await writer.synced()
    const closeCode = new Promise<number>((resolve) =>
      writer.provider.once('connection-close', (event) => resolve(event?.code ?? 0)),
    )
    for (let i = 0; i < 100; i++) writer.text.insert(writer.text.length, `line ${i}\n`)
    await writer.saved()
    const exitCode = new Promise<number | null>((resolve) =>
      server!.process.once('exit', (code) => resolve(code)),
    )
    server.process.kill('SIGTERM')
    expect(await exitCode).toBe(0)
    expect(await closeCode).toBe(1001)
    writer.provider.disconnect()

    server = await startServerProcess({ dataDir, port })
    const reader = connect(server.url, meetingId)
    await reader.synced()
    expect(reader.text.toString()).toBe(writer.text.toString())
    expectEachLineOnce(reader.text.toString())
  })
})
