import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MINUTES_FIELD } from '@accord/minutes'
import type { Structure } from '@accord/minutes/structure'
import { StructureChanges } from '@accord/sync/client'
import { waitFor, type Client } from '@accord/sync/testing'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer, type ServerOptions } from '../server.ts'
import { seedCoalition, type AccordClient, type SeededCoalition } from '../testing/accord-client.ts'
import { addParagraph, structureWhen } from '../testing/minutes.ts'
import type { ProjectionStore } from './projection-store.ts'

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

async function start(options: ServerOptions = {}): Promise<SeededCoalition> {
  dataDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'accord-projection-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
    options,
  )
  return seedCoalition(server.url)
}

/** A y-websocket client of the meeting that hears "structure changed" (type 65) too. */
function editor(person: AccordClient, meetingId: string) {
  const client = person.sync(meetingId)
  clients.push(client)
  return { ...client, changes: new StructureChanges(client.provider) }
}

const structureOf = (person: AccordClient, meetingId: string) =>
  person.expect<Structure>(200, 'GET', `/api/meetings/${meetingId}/structure`)

/** The sentences the actions were read from, in document order. */
const actionSources = (structure: Structure) =>
  structure.actions.map((action) => action.source.text)

describe('projection of the minutes', () => {
  it('lists an action typed in the minutes within 1.5 s, and tells every open client', async () => {
    const seed = await start()
    const chair = editor(seed.chair, seed.meetingId)
    const member = editor(seed.member, seed.meetingId)
    await Promise.all([chair.synced(), member.synced()])
    const heard: number[] = []
    member.changes.onChange((version) => heard.push(version))

    const typed = performance.now()
    addParagraph(chair.doc, 'ALC will circulate the summary by Friday.')
    const structure = await structureWhen(seed.member, seed.meetingId, (s) => s.version > 0)
    expect(performance.now() - typed).toBeLessThan(1500)

    expect(structure.actions).toHaveLength(1)
    expect(structure.actions[0]).toMatchObject({
      origin: 'suggested',
      owners: [seed.organisations.alc],
      unknownOwners: [],
      // The meeting is on Tuesday 4 March 2025.
      due: '2025-03-07',
      dueText: 'Friday',
      dueUnparsed: false,
      status: 'open',
      source: { text: 'ALC will circulate the summary by Friday.' },
      position: 0,
    })
    await waitFor(() => heard.includes(structure.version), {
      message: 'the second client should hear of the new version',
    })
  })

  it('updates rows in place, and deletes the row of text that is gone', async () => {
    const seed = await start()
    const chair = editor(seed.chair, seed.meetingId)
    await chair.synced()
    const alc = addParagraph(chair.doc, 'ALC will circulate the summary by Friday.')
    const first = await structureWhen(seed.chair, seed.meetingId, (s) => s.actions.length === 1)
    const key = first.actions[0]!.key

    // Text added before the action moves it, and adds an action of its own.
    const fragment = chair.doc.getXmlFragment(MINUTES_FIELD)
    const intro = new Y.XmlElement('paragraph')
    intro.insert(0, [new Y.XmlText('FPCT will brief MPs.')])
    fragment.insert(0, [intro])
    const second = await structureWhen(seed.chair, seed.meetingId, (s) => s.actions.length === 2)
    expect(second.version).toBeGreaterThan(first.version)
    expect(actionSources(second)).toEqual([
      'FPCT will brief MPs.',
      'ALC will circulate the summary by Friday.',
    ])
    expect(second.actions[1]!.key).toBe(key)

    // An edit that changes no item: nothing to store, so the version stays.
    addParagraph(chair.doc, 'The call ended at noon.')
    await chair.saved()
    await new Promise((resolve) => setTimeout(resolve, 500))
    expect((await structureOf(seed.chair, seed.meetingId)).version).toBe(second.version)

    alc.delete(0, alc.length)
    const third = await structureWhen(seed.chair, seed.meetingId, (s) => s.actions.length === 1)
    expect(actionSources(third)).toEqual(['FPCT will brief MPs.'])
  })

  it('projects a meeting when its room leaves memory', async () => {
    // Debounced projections never come in this test: only the unload can project.
    const seed = await start({ projection: { timing: { waitMs: 60_000, maxWaitMs: 60_000 } } })
    const chair = editor(seed.chair, seed.meetingId)
    await chair.synced()
    addParagraph(chair.doc, 'ALC will circulate the summary by Friday.')
    await chair.saved()
    expect((await structureOf(seed.chair, seed.meetingId)).actions).toEqual([])
    chair.provider.disconnect()
    await waitFor(() => server!.rooms.roomCount === 0)
    const structure = await structureWhen(seed.chair, seed.meetingId, (s) => s.version > 0)
    expect(actionSources(structure)).toEqual(['ALC will circulate the summary by Friday.'])
  })

  it('serves the structure to every role of the coalition and to nobody else', async () => {
    const seed = await start()
    for (const person of [seed.chair, seed.secretariat, seed.member, seed.observer]) {
      expect(await structureOf(person, seed.meetingId)).toEqual({
        version: 0,
        actions: [],
        asks: [],
        decisions: [],
      })
    }
    const outsider = await seed.outsider.request('GET', `/api/meetings/${seed.meetingId}/structure`)
    expect(outsider.status).toBe(404)
    expect(outsider.body.error.code).toBe('not_found')
  })

  it('keeps the minutes syncing and saving when storing the structure fails', async () => {
    let attempts = 0
    const failing = (store: ProjectionStore): ProjectionStore => ({
      getStructure: (meetingId) => store.getStructure(meetingId),
      listCoalitionItems: (coalitionId) => store.listCoalitionItems(coalitionId),
      listMeetingsBehind: (coalitionId) => store.listMeetingsBehind(coalitionId),
      replaceStructure: () => {
        attempts++
        return Promise.reject(new Error('disk full'))
      },
    })
    const seed = await start({ projection: { store: failing } })
    const chair = editor(seed.chair, seed.meetingId)
    const member = editor(seed.member, seed.meetingId)
    await Promise.all([chair.synced(), member.synced()])
    addParagraph(chair.doc, 'ALC will circulate the summary by Friday.')
    await waitFor(() => attempts > 0, { message: 'a projection should have been tried' })
    addParagraph(member.doc, 'FPCT will brief MPs.')
    const text = (client: { doc: Y.Doc }) => client.doc.getXmlFragment(MINUTES_FIELD).toString()
    await waitFor(() => text(chair).includes('FPCT') && text(member).includes('ALC'))
    await Promise.all([chair.saved(), member.saved()])
    expect((await structureOf(seed.chair, seed.meetingId)).version).toBe(0)
  })
})
