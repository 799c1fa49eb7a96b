import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Writable } from 'node:stream'
import { MINUTES_FIELD } from '@accord/minutes'
import { importMinutes, minutesToUpdate } from '@accord/minutes/import'
import type { Structure } from '@accord/minutes/structure'
import { waitFor, type Client } from '@accord/sync/testing'
import type { JSONContent } from '@tiptap/core'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer, type ServerOptions } from '../server.ts'
import { SqliteStorage } from '../storage/sqlite/storage.ts'
import { seedCoalition, type AccordClient, type SeededCoalition } from '../testing/accord-client.ts'
import { addParagraph, structureWhen } from '../testing/minutes.ts'
import { probeEventLoop } from './loop-blocks.ts'
import { CRASH_MARKER, SPIN_MARKER } from './worker/misbehaving-thread.ts'

let server: RunningServer | undefined
let dataDir: string | undefined
const clients: Client[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = undefined
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

/** What the server logged at warn and above, parsed. */
type LogLine = { level: number; msg: string; err?: { message: string } }

async function start(env: Record<string, string> = {}, options: ServerOptions = {}) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-extraction-'))
  const logs: LogLine[] = []
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString().split('\n').filter(Boolean)) logs.push(JSON.parse(line))
        done()
      },
    }),
  )
  server = await startServer(loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env }), logger, options)
  const seed: SeededCoalition = await seedCoalition(server.url)
  return { seed, logs }
}

/** A server whose worker crashes or spins on minutes with a marker (misbehaving-thread.ts). */
const misbehaving: ServerOptions = {
  projection: {
    workers: {
      module: new URL('./worker/misbehaving-thread.ts', import.meta.url),
      // Room for the extractor (about 60 MB), and a crash soon after.
      maxHeapMb: 128,
    },
  },
}

function editor(person: AccordClient, meetingId: string) {
  const client = person.sync(meetingId)
  clients.push(client)
  return client
}

const ALC_ACTION = 'ALC will circulate the summary by Friday.'
const FPCT_ACTION = 'FPCT will brief MPs.'
const hasAction = (text: string) => (structure: Structure) =>
  structure.actions.some((action) => action.source.text === text)

/** Minutes of about `words` words: the bundled sample minutes over and over. */
function longMinutes(words: number): Uint8Array {
  const samples = path.join(import.meta.dirname, '../demo/samples')
  const sources = [
    importMinutes(fs.readFileSync(path.join(samples, 'fortnightly-call.md'), 'utf8'), 'markdown'),
    importMinutes(fs.readFileSync(path.join(samples, 'pay-campaign.txt'), 'utf8'), 'text'),
    importMinutes(fs.readFileSync(path.join(samples, 'reform-alliance.md'), 'utf8'), 'markdown'),
  ]
  const text = (node: JSONContent): string => node.text ?? (node.content ?? []).map(text).join(' ')
  const content: JSONContent[] = []
  let count = 0
  for (let copy = 0; count < words; copy++) {
    for (const block of sources[copy % sources.length]!.content ?? []) {
      content.push(block)
      count += text(block).split(/\s+/).filter(Boolean).length
    }
  }
  return minutesToUpdate({ type: 'doc', content })
}

describe('extraction off the event loop', () => {
  it('projects 100,000 words in a few seconds without holding the event loop 100 ms', async () => {
    // Projected when the room loads, a second after: time for the editor to sync first.
    const { seed, logs } = await start(
      {},
      { projection: { timing: { waitMs: 1000, maxWaitMs: 1000 } } },
    )
    // Stored as an import stores minutes: no client may send this much in one message.
    const storage = new SqliteStorage(dataDir!)
    await storage.append([{ docName: seed.meetingId, update: longMinutes(100_000) }])
    storage.close()
    const chair = editor(seed.chair, seed.meetingId)
    await chair.synced()

    // From here the server's only work is the projection (and answering the polls below).
    const probe = probeEventLoop()
    const started = performance.now()
    const structure = await structureWhen(seed.chair, seed.meetingId, (s) => s.version > 0)
    const ms = performance.now() - started
    const { heldMs } = probe.stop()

    expect(ms).toBeLessThan(8000)
    expect(heldMs).toBeLessThan(100)
    // Copies of the same sentence are one suggestion (one key), but each copy's asks and
    // decisions are under their own heading: hundreds of rows.
    expect(structure.actions.length).toBeGreaterThan(0)
    expect(structure.asks.length + structure.decisions.length).toBeGreaterThan(100)
    expect(logs).toEqual([])
  })

  it('restarts a worker that crashes, logs it, and the room carries on', async () => {
    const { seed, logs } = await start({ EXTRACT_WORKERS: '1' }, misbehaving)
    const chair = editor(seed.chair, seed.meetingId)
    const member = editor(seed.member, seed.meetingId)
    await Promise.all([chair.synced(), member.synced()])
    addParagraph(chair.doc, ALC_ACTION)
    await structureWhen(seed.chair, seed.meetingId, hasAction(ALC_ACTION))

    const crash = addParagraph(chair.doc, `Testing: ${CRASH_MARKER}.`)
    await waitFor(() => logs.some((line) => line.msg.includes('worker crashed')), {
      timeout: 10_000,
      message: 'the crash should be logged',
    })
    expect(logs[0]).toMatchObject({
      level: 50,
      err: { message: expect.stringContaining('out of memory') },
    })

    // The minutes still sync and save between people.
    addParagraph(member.doc, FPCT_ACTION)
    const text = (client: Client) => client.doc.getXmlFragment(MINUTES_FIELD).toString()
    await waitFor(() => text(chair).includes('FPCT'))
    await Promise.all([chair.saved(), member.saved()])

    // Without the marker a fresh worker projects again.
    crash.delete(0, crash.length)
    const structure = await structureWhen(seed.chair, seed.meetingId, hasAction(FPCT_ACTION))
    expect(structure.actions.map((action) => action.source.text)).toEqual([ALC_ACTION, FPCT_ACTION])
  })

  it('ends an extraction that overruns EXTRACT_TIMEOUT_MS and replaces its worker', async () => {
    const { seed, logs } = await start(
      { EXTRACT_WORKERS: '1', EXTRACT_TIMEOUT_MS: '500' },
      misbehaving,
    )
    const chair = editor(seed.chair, seed.meetingId)
    await chair.synced()
    const spin = addParagraph(chair.doc, `Testing: ${SPIN_MARKER}.`)
    await waitFor(() => logs.some((line) => line.msg.includes('overran')), {
      timeout: 10_000,
      message: 'the timeout should be logged',
    })
    expect(
      (await seed.chair.expect<Structure>(200, 'GET', `/api/meetings/${seed.meetingId}/structure`))
        .version,
    ).toBe(0)

    spin.delete(0, spin.length)
    addParagraph(chair.doc, ALC_ACTION)
    await structureWhen(seed.chair, seed.meetingId, hasAction(ALC_ACTION))
  })

  it('closes while an extraction runs away, within its time limit', async () => {
    const { seed } = await start({ EXTRACT_WORKERS: '1', EXTRACT_TIMEOUT_MS: '2000' }, misbehaving)
    const chair = editor(seed.chair, seed.meetingId)
    await chair.synced()
    addParagraph(chair.doc, `Testing: ${SPIN_MARKER}.`)
    await chair.saved()
    // The debounced projection starts spinning 300 ms after the edit.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const started = performance.now()
    await server!.close()
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
