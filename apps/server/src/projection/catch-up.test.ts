import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { minutesToUpdate } from '@accord/minutes/import'
import type { Ledger } from '@accord/minutes/ledger'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer, type ServerOptions } from '../server.ts'
import { seedCoalition, type AccordClient } from '../testing/accord-client.ts'
import { actionNode, editMinutes } from '../testing/minutes.ts'
import { until } from '../testing/until.ts'
import { catchUpProjections } from './catch-up.ts'
import type { ProjectionStore } from './projection-store.ts'

let server: RunningServer | undefined
let dataDir: string | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
  port = 0
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  dataDir = undefined
})

/**
 * A server on the test's data folder, and on the port of the first one, each time it is started
 * again: people's clients keep the address they signed in at.
 */
let port = 0
const start = async (options: ServerOptions = {}) => {
  dataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'accord-catch-up-'))
  server = await startServer(
    loadConfig({ PORT: String(port), DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
    options,
  )
  port = server.port
  return server
}

/** A store whose writes all fail: the change is stored, its projection never is. */
const failing = (store: ProjectionStore): ProjectionStore => ({
  getStructure: (meetingId) => store.getStructure(meetingId),
  listCoalitionItems: (coalitionId) => store.listCoalitionItems(coalitionId),
  listMeetingsBehind: (coalitionId) => store.listMeetingsBehind(coalitionId),
  replaceStructure: () => Promise.reject(new Error('the server died here')),
})

describe('catching up at start', () => {
  it('projects a tracker change whose projection never happened when the server next starts', async () => {
    const first = await start()
    const seed = await seedCoalition(first.url)
    const ledger = (person: AccordClient) =>
      person.expect<Ledger>(200, 'GET', `/api/coalitions/${seed.coalitionId}/ledger`)
    const statusOf = async (person: AccordClient) => (await ledger(person)).actions[0]?.status
    await editMinutes(seed.secretariat, seed.meetingId, (doc) =>
      Y.applyUpdate(
        doc,
        minutesToUpdate({ type: 'doc', content: [actionNode('a1', 'Draft the letter')] }),
      ),
    )
    await until('the ledger holds the action', async () => (await statusOf(seed.chair)) === 'open')
    await first.close()

    // The write-back stores its edit, then projects: here the projection is lost, as a
    // SIGKILL between the two would lose it.
    const broken = await start({ projection: { store: failing } })
    const { action } = await seed.chair.expect<{ action: { status: string } }>(
      200,
      'PATCH',
      `/api/coalitions/${seed.coalitionId}/actions/a1`,
      { status: 'done' },
    )
    expect(action.status).toBe('open')
    await broken.close()

    // Nobody opens the meeting: only the catch-up can project it.
    await start()
    await until('the ledger says done', async () => (await statusOf(seed.chair)) === 'done')
  })
})

describe('catchUpProjections', () => {
  const logger = pino({ level: 'silent' })

  it('projects every meeting behind, at most `concurrency` at once, latest first', async () => {
    const started: string[] = []
    let running = 0
    let most = 0
    const { done } = catchUpProjections({
      behind: () => Promise.resolve(['m5', 'm4', 'm3', 'm2', 'm1']),
      project: async (meetingId) => {
        started.push(meetingId)
        most = Math.max(most, ++running)
        await new Promise((resolve) => setTimeout(resolve, 5))
        running--
      },
      concurrency: 2,
      logger,
    })
    expect(await done).toEqual({ projected: 5 })
    expect(started).toEqual(['m5', 'm4', 'm3', 'm2', 'm1'])
    expect(most).toBe(2)
  })

  it('starts no projection once stopped, and finishes the ones under way', async () => {
    const finished: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const catchUp = catchUpProjections({
      behind: () => Promise.resolve(['a', 'b', 'c']),
      project: async (meetingId) => {
        await held
        finished.push(meetingId)
      },
      concurrency: 1,
      logger,
    })
    await new Promise((resolve) => setTimeout(resolve, 10))
    catchUp.stop()
    release()
    expect(await catchUp.done).toEqual({ projected: 1 })
    expect(finished).toEqual(['a'])
  })

  it('resolves, projecting nothing, when the meetings behind cannot be read', async () => {
    const { done } = catchUpProjections({
      behind: () => Promise.reject(new Error('database gone')),
      project: () => Promise.reject(new Error('never called')),
      concurrency: 1,
      logger,
    })
    expect(await done).toEqual({ projected: 0 })
  })
})
