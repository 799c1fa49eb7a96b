/**
 * The access matrix: every person (the four roles, an outsider, another coalition's chair,
 * nobody signed in) × every kind of meeting (draft, approved, another coalition's) × every
 * message type (connect, sync step 1, step 2, update, awareness over /sync; read, write and
 * export over the API), decided by the real server and compared with the table written out in
 * access/matrix.ts. A write's decision is its effect: acknowledged, seen by another editor and
 * read back from storage by an authorised client, or none of these.
 *
 * Then document ids an attacker would try (encodings, NUL, `..`, backslashes, Unicode, overlong)
 * on every route that takes one: refused with 4xx (or 4404 on the socket), nothing read, nothing
 * written, no file created.
 *
 * apps/server/src/permissions.test.ts covers every API route; sync-access.test.ts admission,
 * observers and presence one case each. This file is the one table across both.
 */
import { randomBytes } from 'node:crypto'
import { isDeepStrictEqual } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readMinutes } from '@accord/minutes'
import { waitFor, type Client } from '@accord/sync/testing'
import { badIdProbes, type IdProbeResult } from './access/bad-ids.ts'
import { databaseState, settledDatabaseState } from './access/database-state.ts'
import {
  cellKey,
  DOCUMENTS,
  MATRIX,
  PEOPLE,
  PRESENCE,
  type Decisions,
  type Document,
  type Person,
} from './access/matrix.ts'
import { probeSocket, type ProbeTexts, type SocketProbe } from './access/socket-probe.ts'
import { buildWorld, listTree, type World } from './access/world.ts'
import { report } from './scale.ts'

let world: World
const watchers = new Map<Document, Client>()
/** Every presence state each document's watcher was ever shown, by awareness client id. */
const shown = new Map<Document, Map<number, Record<string, unknown>[]>>()
let cellsDecided = 0
let cellsWrong = 0
let idProbes = 0

beforeAll(async () => {
  world = await buildWorld()
  for (const document of DOCUMENTS) {
    const { id, owner } = world.documents[document]
    const watcher = owner.sync(id)
    await watcher.synced()
    const states = new Map<number, Record<string, unknown>[]>()
    watcher.provider.awareness.on('change', () => {
      for (const [clientId, state] of watcher.provider.awareness.getStates()) {
        states.set(clientId, [...(states.get(clientId) ?? []), state])
      }
    })
    watchers.set(document, watcher)
    shown.set(document, states)
  }
}, 30_000)

afterAll(async () => {
  for (const watcher of watchers.values()) watcher.destroy()
  await world?.close()
  report({
    test: 'access matrix',
    runs: 1,
    faults: idProbes,
    checked: cellsDecided,
    unit: 'decisions',
    losses: cellsWrong,
    notes: `${PEOPLE.length} people × ${DOCUMENTS.length} documents × 8 message types; faults = bad document ids tried`,
  })
})

const linesOf = (client: Client) => readMinutes(client.doc).text.split('\n').filter(Boolean)

async function storedLines(document: Document): Promise<string[]> {
  const { id, owner } = world.documents[document]
  const { minutes } = await owner.expect(200, 'GET', `/api/meetings/${id}/minutes`)
  return (minutes.text as string).split('\n').filter(Boolean)
}

async function titleOf(document: Document): Promise<string> {
  const { id, owner } = world.documents[document]
  return (await owner.expect(200, 'GET', `/api/meetings/${id}`)).meeting.title
}

/** A write's decision, from its acknowledgement, what another editor saw and what is stored. */
function writeDecision(
  probe: SocketProbe,
  frameNumber: number,
  text: string,
  stored: string[],
  seen: string[],
  isUpdate: boolean,
): string {
  const acknowledged = probe.committedFrames >= frameNumber
  const inStorage = stored.includes(text)
  const passedOn = seen.includes(text)
  if (acknowledged && inStorage && passedOn) return 'stored'
  if (!acknowledged && !inStorage && !passedOn) {
    if (!probe.greeted) return 'refused'
    // An update carrying content is answered "permission denied"; a step 2 is dropped silently.
    if (!isUpdate || probe.denied) return 'dropped'
    return 'dropped without "permission denied"'
  }
  return JSON.stringify({ acknowledged, inStorage, passedOn })
}

function presenceDecision(person: Person, document: Document, probe: SocketProbe, marker: string) {
  const states = (shown.get(document)!.get(probe.awarenessId) ?? []).filter(
    (state) => state['marker'] === marker,
  )
  if (states.length === 0) return probe.greeted ? 'not shown' : 'refused'
  const expected = { ...PRESENCE[person], color: '#abcdef' }
  const stamped = states.every((state) => isDeepStrictEqual(state['user'], expected))
  return stamped ? 'stamped' : `shown as ${JSON.stringify(states.map((s) => s['user']))}`
}

describe('access matrix', () => {
  it('decides every person × document × message type as the table says', async () => {
    const nonce = randomBytes(4).toString('hex')
    const sockets: {
      person: Person
      document: Document
      probe: SocketProbe
      texts: ProbeTexts
    }[] = []
    for (const person of PEOPLE) {
      for (const document of DOCUMENTS) {
        const texts = {
          step2: `Step 2 by ${person} on ${document} ${nonce}`,
          update: `Update by ${person} on ${document} ${nonce}`,
          marker: `${person} on ${document}`,
        }
        const { id } = world.documents[document]
        const probe = await probeSocket(world.server.url, id, world.people[person].cookie, texts)
        sockets.push({ person, document, probe, texts })
      }
    }
    // Presence goes out every AWARENESS_INTERVAL_MS; wait for every admitted socket's, then read.
    await waitFor(
      () =>
        sockets.every(
          ({ document, probe }) => !probe.greeted || shown.get(document)!.has(probe.awarenessId),
        ),
      { timeout: 3000 },
    ).catch(() => undefined)

    const stored = new Map<Document, string[]>()
    for (const document of DOCUMENTS) stored.set(document, await storedLines(document))
    // Everything stored reaches the other editor; wait for it before reading what they saw.
    await waitFor(
      () =>
        DOCUMENTS.every((document) => {
          const seen = linesOf(watchers.get(document)!)
          return stored.get(document)!.every((line) => seen.includes(line))
        }),
      { timeout: 3000 },
    ).catch(() => undefined)

    const actual = new Map<string, Record<keyof Decisions, string | number>>()
    for (const { person, document, probe, texts } of sockets) {
      const { secret } = world.documents[document]
      const seen = linesOf(watchers.get(document)!)
      const storedHere = stored.get(document)!
      actual.set(cellKey(person, document), {
        connect:
          probe.greeted && probe.closeCode === undefined ? 'open' : `close ${probe.closeCode}`,
        step1:
          probe.served === undefined
            ? 'refused'
            : probe.served.includes(secret)
              ? 'served'
              : 'answered without the minutes',
        step2: writeDecision(probe, 1, texts.step2, storedHere, seen, false),
        update: writeDecision(probe, 2, texts.update, storedHere, seen, true),
        awareness: presenceDecision(person, document, probe, texts.marker),
        read: 0,
        write: 0,
        export: 0,
      })
      probe.socket.terminate()
    }

    for (const person of PEOPLE) {
      for (const document of DOCUMENTS) {
        const client = world.people[person]
        const { id, title, secret } = world.documents[document]
        const cell = actual.get(cellKey(person, document))!

        const read = await client.request('GET', `/api/meetings/${id}`)
        cell.read = read.status
        if (read.status === 200 && read.body.meeting.id !== id) cell.read = '200, another meeting'
        if (read.status !== 200 && JSON.stringify(read.body).includes(title)) {
          cell.read = `${read.status} with the title`
        }

        const before = await titleOf(document)
        const renamed = `${title} renamed by ${person}`
        const write = await client.request('PATCH', `/api/meetings/${id}`, { title: renamed })
        const after = await titleOf(document)
        cell.write = write.status
        if (
          (write.status === 200) !== (after === renamed) ||
          (write.status !== 200 && after !== before)
        ) {
          cell.write = `${write.status}, title now "${after}"`
        }

        const exported = await client.request('GET', `/api/meetings/${id}/export.md`)
        cell.export = exported.status
        if ((exported.status === 200) !== String(exported.body).includes(secret)) {
          cell.export = `${exported.status}, minutes ${String(exported.body).includes(secret) ? 'in it' : 'missing'}`
        }
      }
    }

    const wrong: string[] = []
    for (const [key, expected] of MATRIX) {
      const got = actual.get(key)!
      for (const column of Object.keys(expected) as (keyof Decisions)[]) {
        cellsDecided++
        if (got[column] !== expected[column]) {
          cellsWrong++
          wrong.push(`${key} × ${column}: expected ${expected[column]}, got ${got[column]}`)
        }
      }
    }
    expect(wrong).toEqual([])
    expect(cellsDecided).toBe(PEOPLE.length * DOCUMENTS.length * 8)
  })

  it('refuses document ids with encodings, NUL, `..`, backslashes, Unicode or overlong', async () => {
    const before = {
      database: await settledDatabaseState(world.dataDir),
      files: listTree(world.root),
    }
    const rooms = world.server.rooms.roomCount
    const secrets = DOCUMENTS.map((document) => world.documents[document].secret)
    const results: IdProbeResult[] = await badIdProbes(world, secrets)
    idProbes = results.length
    const wrong = results.filter((result) => !result.refused)
    expect(wrong.map((result) => `${result.route} ${result.id}: ${result.outcome}`)).toEqual([])
    expect(results.length).toBeGreaterThanOrEqual(100)
    // Nothing was written, no file appeared beside or inside DATA_DIR, no document was loaded.
    expect(databaseState(world.dataDir)).toEqual(before.database)
    expect(listTree(world.root)).toEqual(before.files)
    expect(world.server.rooms.roomCount).toBeLessThanOrEqual(rooms)
  })
})
