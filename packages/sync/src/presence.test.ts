import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { ConnectionOptions } from './connection.ts'
import { stampAwarenessUpdate, type Presence } from './presence.ts'
import { MessageType } from './protocol.ts'
import { startHarness, waitFor, type Client } from './testing/websocket-harness.ts'

interface Entry {
  clientId: number
  clock: number
  /** Written as JSON; `json` instead writes that text as is. */
  state?: unknown
  json?: string
}

/** An awareness update in the y-protocols format: count, then id, clock and JSON state each. */
function awarenessUpdate(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state, json } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, json ?? JSON.stringify(state))
  }
  return encoding.toUint8Array(encoder)
}

function readAwarenessUpdate(update: Uint8Array): Entry[] {
  const decoder = decoding.createDecoder(update)
  const entries: Entry[] = []
  const count = decoding.readVarUint(decoder)
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    entries.push({ clientId, clock, state: JSON.parse(decoding.readVarString(decoder)) })
  }
  expect(decoding.hasContent(decoder)).toBe(false)
  return entries
}

const OWEN: Presence = { name: 'Owen', organisation: 'ALC' }
const anyone = () => true

function stampOne(state: unknown, presence: Presence = OWEN): unknown {
  const stamped = stampAwarenessUpdate(
    awarenessUpdate([{ clientId: 7, clock: 3, state }]),
    presence,
    anyone,
  )
  const [entry, ...rest] = readAwarenessUpdate(stamped)
  expect(rest).toEqual([])
  expect(entry).toMatchObject({ clientId: 7, clock: 3 })
  return entry!.state
}

describe('stampAwarenessUpdate', () => {
  it('replaces the user fields the client claims with the server’s, keeping a valid colour', () => {
    expect(
      stampOne({
        user: { name: 'Mallory the Chair', color: '#123456', organisation: 'X', role: 'chair' },
        cursor: { anchor: 3, head: 9 },
      }),
    ).toEqual({
      user: { name: 'Owen', organisation: 'ALC', color: '#123456' },
      cursor: { anchor: 3, head: 9 },
    })
  })

  it.each([
    ['a colour name', 'red'],
    ['a script URL', 'javascript:alert(1)'],
    ['a CSS expression', 'url(https://evil.example/x)'],
    ['a short hex colour', '#123'],
    ['a hex colour with alpha', '#12345678'],
    ['a hex colour with a newline after it', '#123456\n'],
    ['a number', 0x123456],
  ])('drops %s as a colour', (_name, color) => {
    expect(stampOne({ user: { name: 'Mallory', color }, cursor: null })).toEqual({
      user: { name: 'Owen', organisation: 'ALC' },
      cursor: null,
    })
  })

  it('lets the server’s presence win over a colour the client sends', () => {
    expect(stampOne({ user: { color: '#123456' } }, { name: 'Owen', color: '#abcdef' })).toEqual({
      user: { name: 'Owen', color: '#abcdef' },
    })
  })

  it.each([
    ['a state without user', {}, { user: OWEN }],
    ['a user that is a string', { user: 'Mallory' }, { user: OWEN }],
    ['a user that is an array', { user: ['Mallory'] }, { user: OWEN }],
    ['a state that is a number', 42, { user: OWEN }],
    ['a state that is an array', [1, 2], { user: OWEN }],
  ])('gives %s the server’s user', (_name, state, expected) => {
    expect(stampOne(state)).toEqual(expected)
  })

  it('keeps a null state, which is how a client says it left', () => {
    expect(stampOne(null)).toBeNull()
  })

  it('drops the entries of awareness ids the connection may not control', () => {
    const asked: number[] = []
    const stamped = stampAwarenessUpdate(
      awarenessUpdate([
        { clientId: 1, clock: 5, state: { user: { name: 'Mallory' } } },
        { clientId: 2, clock: 6, state: { cursor: 1 } },
        { clientId: 3, clock: 7, state: null },
        { clientId: 4, clock: 8, state: null },
      ]),
      OWEN,
      (clientId) => {
        asked.push(clientId)
        return clientId === 2 || clientId === 4
      },
    )
    expect(asked).toEqual([1, 2, 3, 4])
    expect(readAwarenessUpdate(stamped)).toEqual([
      { clientId: 2, clock: 6, state: { cursor: 1, user: OWEN } },
      { clientId: 4, clock: 8, state: null },
    ])
  })

  it('drops what the room already has (echoes) without reading it, keeping a departure', () => {
    const known = new Map([
      [1, 5],
      [2, 6],
      [3, 7],
    ])
    const stamped = stampAwarenessUpdate(
      awarenessUpdate([
        // Older than the room's: an echo, its JSON never read (this one would not parse).
        { clientId: 1, clock: 4, json: '{not json' },
        // Same clock, a state: y-protocols ignores it.
        { clientId: 2, clock: 6, state: { cursor: 1 } },
        // Same clock, null: the client left, which y-protocols takes.
        { clientId: 3, clock: 7, state: null },
        // Newer, and an id the room has never seen.
        { clientId: 1, clock: 6, state: { cursor: 2 } },
        { clientId: 9, clock: 1, state: { cursor: 3 } },
      ]),
      OWEN,
      anyone,
      (clientId) => known.get(clientId),
    )
    expect(readAwarenessUpdate(stamped)).toEqual([
      { clientId: 3, clock: 7, state: null },
      { clientId: 1, clock: 6, state: { cursor: 2, user: OWEN } },
      { clientId: 9, clock: 1, state: { cursor: 3, user: OWEN } },
    ])
  })

  it('writes an update y-protocols applies', () => {
    const awareness = new awarenessProtocol.Awareness(new Y.Doc())
    const stamped = stampAwarenessUpdate(
      awarenessUpdate([
        { clientId: 99, clock: 1, state: { user: { name: 'Mallory' }, cursor: 4 } },
      ]),
      OWEN,
      anyone,
    )
    awarenessProtocol.applyAwarenessUpdate(awareness, stamped, 'test')
    expect(awareness.getStates().get(99)).toEqual({ user: OWEN, cursor: 4 })
    awareness.destroy()
  })

  it.each([
    ['an empty update', new Uint8Array()],
    ['a count with no entries', Uint8Array.of(2)],
    ['a truncated entry', awarenessUpdate([{ clientId: 1, clock: 1, state: {} }]).slice(0, -1)],
    ['a second entry missing', awarenessUpdate([{ clientId: 1, clock: 1, state: {} }]).with(0, 2)],
    ['a state that is not JSON', awarenessUpdate([{ clientId: 1, clock: 1, json: '{user:' }])],
    ['an empty state string', awarenessUpdate([{ clientId: 1, clock: 1, json: '' }])],
  ])('throws on %s', (_name, update) => {
    expect(() => stampAwarenessUpdate(update, OWEN, anyone)).toThrow()
  })
})

/** `?name=…&organisation=…` in a connection's URL is who the server says it is. */
const connectionOptions = (query: URLSearchParams): ConnectionOptions => {
  const name = query.get('name')
  return name === null ? {} : { presence: { name, organisation: query.get('organisation') ?? '' } }
}

let harness: { close(): Promise<void> } | undefined

afterEach(async () => {
  await harness?.close()
  harness = undefined
})

async function start() {
  const started = await startHarness({ connectionOptions })
  harness = started
  return started
}

function awarenessFrame(entries: readonly Entry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, awarenessUpdate(entries))
  return encoding.toUint8Array(encoder)
}

async function rawSocket(url: string) {
  const socket = new WebSocket(url)
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  return socket
}

const stateOf = (client: Client, clientId: number) =>
  client.provider.awareness.getStates().get(clientId)

/** An awareness id no y-websocket client in these tests uses. */
const MALLORY_ID = 4_000_000_001

describe('presence over real y-websocket clients', () => {
  it('shows others the server’s user fields, the client’s colour and its other fields', async () => {
    const { client } = await start()
    const owen = client('minutes', undefined, { name: 'Owen', organisation: 'ALC' })
    const bob = client('minutes', undefined, { name: 'Bob', organisation: 'Carers UK' })
    await Promise.all([owen.synced(), bob.synced()])
    owen.provider.awareness.setLocalState({
      user: { name: 'Mallory the Chair', color: '#123456', organisation: 'X' },
      cursor: { anchor: 3, head: 9 },
    })
    const owenId = owen.doc.clientID
    await waitFor(() => stateOf(bob, owenId)?.['cursor'] !== undefined)
    expect(stateOf(bob, owenId)).toEqual({
      user: { name: 'Owen', organisation: 'ALC', color: '#123456' },
      cursor: { anchor: 3, head: 9 },
    })

    // A late joiner gets the stamped state from the server's greeting.
    const late = client('minutes')
    await waitFor(() => stateOf(late, owenId) !== undefined)
    expect(stateOf(late, owenId)).toEqual(stateOf(bob, owenId))
  })

  it.each([['red'], ['javascript:alert(1)'], ['#12345g']])('drops the colour %s', async (color) => {
    const { client } = await start()
    const owen = client('minutes', undefined, { name: 'Owen', organisation: 'ALC' })
    const bob = client('minutes')
    await Promise.all([owen.synced(), bob.synced()])
    owen.provider.awareness.setLocalState({ user: { name: 'Owen', color: '#123456' }, step: 1 })
    const owenId = owen.doc.clientID
    await waitFor(() => stateOf(bob, owenId)?.['step'] === 1)
    expect(stateOf(bob, owenId)?.['user']).toEqual({ ...OWEN, color: '#123456' })

    owen.provider.awareness.setLocalState({ user: { name: 'Owen', color }, step: 2 })
    await waitFor(() => stateOf(bob, owenId)?.['step'] === 2)
    expect(stateOf(bob, owenId)?.['user']).toEqual(OWEN)
  })

  async function roomWithVictim(malloryQuery = '?name=Mallory&organisation=X') {
    const h = await start()
    const victim = h.client('minutes', undefined, { name: 'Victor', organisation: 'Carers UK' })
    const bob = h.client('minutes', undefined, { name: 'Bob', organisation: 'ALC' })
    await Promise.all([victim.synced(), bob.synced()])
    victim.provider.awareness.setLocalStateField('cursor', { at: 3 })
    const victimId = victim.doc.clientID
    await waitFor(() => stateOf(bob, victimId)?.['cursor'] !== undefined)
    /** Every change to Victor's presence Bob sees from now on: a state, or null for removed. */
    const bobSaw: unknown[] = []
    bob.provider.awareness.on('change', (change: Record<string, number[]>) => {
      if (Object.values(change).some((ids) => ids.includes(victimId))) {
        bobSaw.push(stateOf(bob, victimId) ?? null)
      }
    })
    const mallory = await rawSocket(`${h.url}/minutes${malloryQuery}`)
    let clock = 0
    /** Sends Mallory's own presence after what came before; resolves once Bob has it. */
    const malloryHeard = async (state: Record<string, unknown> = {}) => {
      const marker = ++clock
      const entries = [{ clientId: MALLORY_ID, clock: marker, state: { ...state, marker } }]
      mallory.send(awarenessFrame(entries))
      await waitFor(() => stateOf(bob, MALLORY_ID)?.['marker'] === marker)
    }
    return { ...h, victim, victimId, bob, bobSaw, mallory, malloryHeard }
  }

  const VICTOR = { user: { name: 'Victor', organisation: 'Carers UK' }, cursor: { at: 3 } }

  it('ignores another connection forging or removing someone else’s presence', async () => {
    const { client, victim, victimId, bob, bobSaw, mallory } = await roomWithVictim()
    mallory.send(
      awarenessFrame([
        {
          clientId: victimId,
          clock: 1000,
          state: { user: { name: 'Victor' }, cursor: { at: 99 } },
        },
      ]),
    )
    mallory.send(awarenessFrame([{ clientId: victimId, clock: 1001, state: null }]))
    // One frame mixing a forged removal with Mallory's own state: only hers is applied.
    mallory.send(
      awarenessFrame([
        { clientId: victimId, clock: 1002, state: null },
        { clientId: MALLORY_ID, clock: 100, state: { hello: true } },
      ]),
    )
    await waitFor(() => stateOf(bob, MALLORY_ID)?.['hello'] === true)
    expect(stateOf(bob, MALLORY_ID)).toEqual({
      hello: true,
      user: { name: 'Mallory', organisation: 'X' },
    })
    expect(bobSaw).toEqual([])
    expect(stateOf(bob, victimId)).toEqual(VICTOR)
    // Nor did the forgery reach Victor's own client, which would take it as its own state.
    expect(victim.provider.awareness.getLocalState()).toEqual({ cursor: { at: 3 } })

    const late = client('minutes')
    await waitFor(() => stateOf(late, MALLORY_ID) !== undefined)
    expect(stateOf(late, victimId)).toEqual(VICTOR)

    // The forged clocks were not recorded either: Victor's next ordinary update still counts.
    victim.provider.awareness.setLocalStateField('cursor', { at: 4 })
    await waitFor(() => stateOf(bob, victimId)?.['cursor']?.at === 4)
    expect(bobSaw).toEqual([{ ...VICTOR, cursor: { at: 4 } }])
  })

  it('keeps someone’s presence theirs after they clear it and set it again', async () => {
    const { victim, victimId, bob, bobSaw, mallory, malloryHeard } = await roomWithVictim()
    victim.provider.awareness.setLocalState(null)
    await waitFor(() => stateOf(bob, victimId) === undefined)
    victim.provider.awareness.setLocalState({ cursor: { at: 5 } })
    await waitFor(() => stateOf(bob, victimId) !== undefined)
    const again = { ...VICTOR, cursor: { at: 5 } }
    expect(bobSaw).toEqual([null, again])

    mallory.send(awarenessFrame([{ clientId: victimId, clock: 1000, state: null }]))
    await malloryHeard()
    expect(bobSaw).toEqual([null, again])
  })

  it('ignores forgery from a connection that has no presence either', async () => {
    const { victimId, bobSaw, mallory, malloryHeard } = await roomWithVictim('')
    mallory.send(awarenessFrame([{ clientId: victimId, clock: 1000, state: null }]))
    await malloryHeard()
    expect(bobSaw).toEqual([])
  })

  it('removes the presence of a connection that reconnected, when it leaves', async () => {
    const { url, rooms, bob, malloryHeard } = await roomWithVictim()
    const id = 4_000_000_002
    const victorAt = (clock: number) =>
      awarenessFrame([{ clientId: id, clock, state: { cursor: { clock } } }])
    // A client's first socket sets its presence, then drops; its second socket, with the same
    // awareness id and a newer clock, sets it again and then leaves too.
    const first = await rawSocket(`${url}/minutes?name=Victor&organisation=Carers+UK`)
    first.send(victorAt(1))
    await waitFor(() => stateOf(bob, id) !== undefined)
    const connections = rooms.connectionCount
    first.terminate()
    await waitFor(() => rooms.connectionCount === connections - 1)
    await waitFor(() => stateOf(bob, id) === undefined)
    const second = await rawSocket(`${url}/minutes?name=Victor&organisation=Carers+UK`)
    second.send(victorAt(2))
    await waitFor(() => stateOf(bob, id)?.['cursor']?.clock === 2)
    second.terminate()
    await waitFor(() => rooms.connectionCount === connections - 1)
    // Sent after the server handled the close, so it reaches Bob after any removal.
    await malloryHeard()
    expect(stateOf(bob, id)).toBeUndefined()
  })
})
