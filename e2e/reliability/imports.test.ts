import fs from 'node:fs'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccordClient, seedCoalition, type SeededCoalition } from '@accord/server/testing'
import { waitFor, type Client } from '@accord/sync/testing'
import { postImport } from '../../apps/server/src/testing/import-upload.ts'
import { until } from '../../apps/server/src/testing/until.ts'
import { lyingDocx } from '../../apps/server/src/testing/lying-docx.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { MainThreadWatch } from './imports/main-thread-watch.ts'
import { MemoryPeaks, processMemory } from './imports/process-memory.ts'
import { LONG, report, scaled } from './scale.ts'

/**
 * Imports under load (issue 17, points 4 and 1), against the real server in a child process:
 *
 * - lying Word files: a real .docx whose word/document.xml unpacks to hundreds of megabytes of
 *   blank space while its zip says a few kilobytes, three at once from three people, again and
 *   again. Each must be refused with a plain message and create nothing; the server's memory
 *   must stay bounded while they arrive and come back down after.
 * - long text files: three people import a long .txt at once while a member types in another
 *   meeting. No event-loop block may reach 100 ms (imports/main-thread-watch.ts), and the
 *   member's every line must be saved.
 *
 * Memory is read from /proc: the server's own resident set, and with it that of the processes
 * it starts to convert Word files.
 */
const MIB = 1024 * 1024
/** What each lying file really unpacks to; deflated it is about a thousandth of that. */
const BOMB_BYTES = scaled(200, 1024) * MIB
const ROUNDS = scaled(2, 20)
const AT_ONCE = 3
/** What the server itself may grow by while refusing them: uploads of about 1 MB each. */
const MAX_SERVER_GROWTH = 150 * MIB
/** Server and converters together: each converter stops unpacking at 50 MiB. */
const MAX_TOTAL_GROWTH = AT_ONCE * 250 * MIB
/** How far above its start the server may stay once the files are refused. */
const MAX_LEFT_OVER = 64 * MIB
const TEXT_BYTES = scaled(1.5, 4.7) * 1_000_000
const TEXT_ROUNDS = scaled(1, 3)
const MAX_LOOP_BLOCK_MS = 100

let server: ServerProcess
let coalition: SeededCoalition
/** Three people who may import: the chair, the secretariat and a second secretariat. */
let importers: AccordClient[]

beforeAll(async () => {
  server = await startServerProcess()
  // As in fuzz.test.ts: the event-loop figure is wall time, so the server gets a core first.
  try {
    os.setPriority(server.process.pid!, -10)
  } catch (error) {
    console.warn(`could not raise the server's priority: ${(error as Error).message}`)
  }
  coalition = await seedCoalition(server.url)
  importers = [coalition.chair, coalition.secretariat, await secondSecretariat()]
}, 60_000)

afterAll(async () => {
  await server?.stop()
})

async function secondSecretariat(): Promise<AccordClient> {
  const { chair, coalitionId, organisations } = coalition
  const { path } = await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/invites`, {
    organisationId: organisations.cnn,
    role: 'secretariat',
  })
  const person = new AccordClient(server.url)
  await person.signUp('Priya')
  await person.expect(200, 'POST', `/api/invites/${path.split('/').pop()}/accept`)
  return person
}

async function meetingIds(): Promise<string[]> {
  const path = `/api/coalitions/${coalition.coalitionId}/meetings`
  const { meetings } = await coalition.chair.expect(200, 'GET', path)
  return (meetings as { id: string }[]).map((meeting) => meeting.id).sort()
}

const mib = (bytes: number) => `${Math.round(bytes / MIB)} MiB`

describe('imports', () => {
  it(
    'refuses Word files that unpack to far more than they say, holding memory bounded',
    async () => {
      const bomb = await lyingDocx(BOMB_BYTES)
      const pid = server.process.pid!
      const before = await meetingIds()
      // Start-up (modules loading, workers warming up) is not what is measured.
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const start = processMemory(pid).own
      const peaks = new MemoryPeaks(pid)
      const watch = new MainThreadWatch(server.url, server.process.pid!)
      await watch.start()
      const answers = []
      for (let round = 0; round < ROUNDS; round++) {
        const file = { name: `Budget call ${round}.docx`, content: bomb }
        answers.push(
          ...(await Promise.all(
            importers.map((person) =>
              postImport(person, coalition.coalitionId, { file, date: '2025-05-01' }),
            ),
          )),
        )
      }
      await watch.stop()
      peaks.stop()
      // The converters are gone and the server is back near where it started.
      let after = processMemory(pid)
      await until(
        'the server gave its memory back',
        async () => {
          after = processMemory(pid)
          return after.childCount === 0 && after.own - start < MAX_LEFT_OVER
        },
        15_000,
      ).catch(() => undefined)

      const notes =
        `${ROUNDS} × ${AT_ONCE} lying .docx of ${Math.round(bomb.length / 1024)} KB ` +
        `unpacking to ${mib(BOMB_BYTES)}; server RSS ${mib(start)} → peak ${mib(peaks.peakOwn)} → ` +
        `${mib(after.own)} after; with its converters (at most ${peaks.peakChildren} at once) ` +
        `peak ${mib(peaks.peakTotal)}; longest event-loop block ${Math.round(watch.maxBlockMs)} ms`
      console.log(`imports: ${notes}`)
      for (const answer of answers) {
        expect(answer.status, JSON.stringify(answer.body)).toBe(400)
        expect(answer.body.error.code).toBe('file_too_complex')
        expect(answer.body.error.message).toMatch(/expands to more than 50 MB when unpacked/)
      }
      expect(await meetingIds()).toEqual(before)
      expect(watch.failures, notes).toEqual([])
      expect(peaks.peakOwn - start, notes).toBeLessThan(MAX_SERVER_GROWTH)
      expect(peaks.peakTotal - start, notes).toBeLessThan(MAX_TOTAL_GROWTH)
      expect(after.childCount, notes).toBe(0)
      expect(after.own - start, notes).toBeLessThan(MAX_LEFT_OVER)
      report({
        test: 'imports (lying .docx)',
        runs: ROUNDS,
        faults: answers.length,
        checked: answers.length,
        unit: 'files refused, nothing created',
        losses: 0,
        notes,
      })
    },
    LONG ? 20 * 60_000 : 2 * 60_000,
  )

  it(
    'reads long text files off the event loop while someone types',
    async () => {
      const text = minutesText(TEXT_BYTES)
      const typist = await startTyping(coalition.member, coalition.meetingId)
      const watch = new MainThreadWatch(server.url, server.process.pid!)
      await watch.start()
      const answers = []
      for (let round = 0; round < TEXT_ROUNDS; round++) {
        answers.push(
          ...(await Promise.all(
            importers.map((person, i) =>
              postImport(person, coalition.coalitionId, {
                file: { name: `Long minutes ${round}-${i}.txt`, content: text },
                date: '2025-05-02',
              }),
            ),
          )),
        )
      }
      const lines = typist.stop()
      await waitFor(() => typist.client.saveStatus.saved, {
        timeout: 30_000,
        message: "the member's last lines were not saved",
      })
      await watch.stop()
      typist.client.destroy()

      const notes =
        `${TEXT_ROUNDS} × ${AT_ONCE} .txt imports of ${(TEXT_BYTES / 1e6).toFixed(1)} MB at once; ` +
        `longest event-loop block ${Math.round(watch.maxBlockMs)} ms (wall-clock ` +
        `${Math.round(watch.maxLoopMs)} ms); ${lines} lines typed meanwhile, longest wait for ` +
        `"saved" ${Math.round(typist.longestWaitMs())} ms`
      console.log(`imports: ${notes}`)
      for (const answer of answers) expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      expect(watch.failures, notes).toEqual([])
      expect(watch.maxBlockMs, notes).toBeLessThan(MAX_LOOP_BLOCK_MS)
      report({
        test: 'imports (long .txt)',
        runs: TEXT_ROUNDS,
        faults: answers.length,
        checked: lines,
        unit: 'typed lines saved',
        losses: 0,
        notes,
      })
    },
    LONG ? 20 * 60_000 : 3 * 60_000,
  )
})

/** Real minutes, the samples one after another, to about `bytes`. */
function minutesText(bytes: number): string {
  const samples = new URL('../../apps/server/src/demo/samples/', import.meta.url)
  const one = ['pay-campaign.txt', 'fortnightly-call.md', 'reform-alliance.md']
    .map((file) => fs.readFileSync(new URL(file, samples), 'utf8'))
    .join('\n\n')
  return one.repeat(Math.ceil(bytes / Buffer.byteLength(one))).slice(0, bytes)
}

/** Someone typing a line every 100 ms into a meeting; how long each wait for "saved" took. */
async function startTyping(person: AccordClient, meetingId: string) {
  const client: Client = person.sync(meetingId)
  await client.synced()
  let lines = 0
  let unsavedSince: number | undefined
  let longest = 0
  client.saveStatus.onChange((saved) => {
    if (!saved || unsavedSince === undefined) return
    longest = Math.max(longest, performance.now() - unsavedSince)
    unsavedSince = undefined
  })
  const timer = setInterval(() => {
    unsavedSince ??= performance.now()
    client.text.insert(client.text.length, `typed line ${lines++}\n`)
  }, 100)
  return {
    client,
    stop: () => {
      clearInterval(timer)
      return lines
    },
    longestWaitMs: () => longest,
  }
}
