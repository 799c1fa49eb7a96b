import * as prng from 'lib0/prng'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { decodeFanoutMessage, FanoutPart, type Fanout } from './fanout.ts'
import { encodeStructureChanged, MessageType } from './protocol.ts'
import { MemoryStore, type DocumentStore, type LogPosition, type StoredUpdate } from './store.ts'
import { MemoryFanoutHub } from './testing/memory-fanout.ts'
import { connectClient, startHarness, waitFor, type Client } from './testing/websocket-harness.ts'

const HEAL_MS = 50
const harnesses: { close(): Promise<void> }[] = []

afterEach(async () => {
  await Promise.all(harnesses.splice(0).map((harness) => harness.close()))
})

/** One instance's view of the shared store; counts what this instance appended. */
class InstanceStore implements DocumentStore {
  appended = 0
  constructor(private readonly shared: MemoryStore) {}
  load(docName: string) {
    return this.shared.load(docName)
  }
  append(updates: readonly StoredUpdate[]) {
    this.appended += updates.length
    return this.shared.append(updates)
  }
  loadLog(docName: string) {
    return this.shared.loadLog(docName)
  }
  compact(docName: string, snapshot: Uint8Array, position: LogPosition) {
    return this.shared.compact(docName, snapshot, position)
  }
}

/** Two instances sharing one store and one fan-out hub, each with its own websocket server. */
async function twoInstances(hub = new MemoryFanoutHub(), wrap = (fanout: Fanout) => fanout) {
  const shared = new MemoryStore()
  const start = async () => {
    const harness = await startHarness({
      store: new InstanceStore(shared),
      fanout: wrap(hub.connect()),
      healIntervalMs: HEAL_MS,
      connectionOptions: (query) => ({ presence: { name: query.get('name') ?? 'someone' } }),
    })
    harnesses.push(harness)
    return harness
  }
  return { hub, shared, a: await start(), b: await start() }
}

function converged(...clients: Client[]): boolean {
  const [first, ...others] = clients
  const vector = Y.encodeStateVector(first!.doc).join()
  return others.every(
    (client) =>
      client.text.toString() === first!.text.toString() &&
      Y.encodeStateVector(client.doc).join() === vector,
  )
}

function randomEdit(client: Client, random: () => number): void {
  const length = client.text.length
  if (length > 20 && random() < 0.3) {
    client.text.delete(Math.floor(random() * (length - 5)), 1 + Math.floor(random() * 4))
  } else {
    client.text.insert(Math.floor(random() * (length + 1)), random().toString(36).slice(2, 6))
  }
}

describe('fan-out between room servers sharing a store', () => {
  it('converges a client on each instance, storing each update once', async () => {
    const { a, b } = await twoInstances()
    const alice = a.client('minutes')
    const bob = b.client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    alice.text.insert(0, 'ALC will circulate the analysis. ')
    bob.text.insert(0, 'Carers UK will brief MPs. ')
    await waitFor(() => alice.text.length > 40 && converged(alice, bob))
    expect(alice.text.toString()).toContain('ALC will circulate the analysis.')
    expect(alice.text.toString()).toContain('Carers UK will brief MPs.')
    await Promise.all([alice.saved(), bob.saved()])
    // Each instance stored its own client's edit only: remote updates are never stored again.
    expect((a.store as InstanceStore).appended).toBe(1)
    expect((b.store as InstanceStore).appended).toBe(1)
  })

  it('sends awareness across and removes it when its client disconnects', async () => {
    const { a, b } = await twoInstances()
    const alice = a.client('minutes', new Y.Doc(), { name: 'Alice' })
    const bob = b.client('minutes', new Y.Doc(), { name: 'Bob' })
    await Promise.all([alice.synced(), bob.synced()])
    alice.provider.awareness.setLocalStateField('cursor', 3)
    const aliceId = alice.doc.clientID
    await waitFor(() => bob.provider.awareness.getStates().has(aliceId))
    expect(bob.provider.awareness.getStates().get(aliceId)).toMatchObject({
      cursor: 3,
      user: { name: 'Alice' },
    })

    alice.destroy()
    await waitFor(() => !bob.provider.awareness.getStates().has(aliceId), {
      message: "Alice's presence should leave Bob's instance",
    })
  })

  it("greets a client on an instance that loaded the room later with everyone's presence", async () => {
    const { a, b } = await twoInstances()
    const alice = a.client('minutes', new Y.Doc(), { name: 'Alice' })
    await alice.synced()
    alice.provider.awareness.setLocalStateField('cursor', 1)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const bob = b.client('minutes', new Y.Doc(), { name: 'Bob' })
    await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID))
  })

  it('passes broadcast() messages to the connections of every instance', async () => {
    const { a, b } = await twoInstances()
    const alice = a.client('minutes')
    const bob = b.client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    let structure = 0
    bob.provider.messageHandlers[MessageType.StructureChanged] = () => structure++
    a.rooms.broadcast('minutes', encodeStructureChanged(7))
    await waitFor(() => structure === 1)
  })

  it('converges when 30% of published messages are lost, deletions included', async () => {
    // Seeded, so a failing run can be repeated.
    const generator = prng.create(20240611)
    const random = () => prng.real53(generator)
    const hub = new MemoryFanoutHub(() => random() < 0.3)
    const { a, b } = await twoInstances(hub)
    const alice = a.client('minutes')
    const bob = b.client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    for (let i = 0; i < 60; i++) {
      randomEdit(alice, random)
      randomEdit(bob, random)
      await new Promise((resolve) => setTimeout(resolve, random() * 4))
    }
    await waitFor(() => converged(alice, bob), { timeout: 10 * HEAL_MS + 2000 })
    const stats = [a.rooms.fanoutStats!, b.rooms.fanoutStats!]
    expect(stats[0]!.heals + stats[1]!.heals).toBeGreaterThan(0)

    // Once converged, healing stops: equal states and delete sets ask for nothing.
    await Promise.all([alice.saved(), bob.saved()])
    await new Promise((resolve) => setTimeout(resolve, 3 * HEAL_MS))
    const heals = stats[0]!.heals + stats[1]!.heals
    await new Promise((resolve) => setTimeout(resolve, 5 * HEAL_MS))
    expect(stats[0]!.heals + stats[1]!.heals).toBe(heals)
  })

  it('publishes at most once per room per event-loop turn under a burst of 200 edits', async () => {
    let turn = 0
    let counting = true
    const tick = () => {
      turn++
      if (counting) setImmediate(tick)
    }
    tick()
    const publishes: { instance: number; room: string; turn: number }[] = []
    let instances = 0
    const { a, b } = await twoInstances(new MemoryFanoutHub(), (fanout) => {
      const instance = instances++
      return {
        ...fanout,
        publish: (room, message) => {
          publishes.push({ instance, room, turn })
          fanout.publish(room, message)
        },
      }
    })
    const alice = a.client('minutes')
    const carol = a.client('agenda')
    const bob = b.client('minutes')
    await Promise.all([alice.synced(), carol.synced(), bob.synced()])
    publishes.length = 0
    for (let i = 0; i < 200; i++) {
      alice.text.insert(alice.text.length, 'a')
      carol.text.insert(carol.text.length, 'c')
      if (i % 20 === 0) alice.provider.awareness.setLocalStateField('cursor', i)
      if (i % 2 === 0) await new Promise((resolve) => setImmediate(resolve))
    }
    await waitFor(() => bob.text.length === 200)
    counting = false

    const perRoomTurn = new Map<string, number>()
    for (const { instance, room, turn } of publishes) {
      const key = `${instance}:${room}@${turn}`
      perRoomTurn.set(key, (perRoomTurn.get(key) ?? 0) + 1)
    }
    expect(Math.max(...perRoomTurn.values())).toBe(1)
    expect(a.rooms.fanoutStats!.maxPublishesPerRoomPerTurn).toBe(1)
    // 400 edits in two rooms went out in far fewer messages.
    expect(publishes.length).toBeLessThan(400)
    console.info(
      `fan-out burst: 400 edits (200 per room), ${publishes.length} publishes in ` +
        `${new Set(publishes.map((p) => p.turn)).size} turns, at most 1 per room per turn`,
    )
  })

  it('never publishes a sync reply: a joining client that brings nothing new publishes no update', async () => {
    const { hub, a, b } = await twoInstances()
    const alice = a.client('minutes')
    await alice.synced()
    alice.text.insert(0, 'Decision: write to the minister before the recess.')
    alice.text.delete(0, 10)
    await alice.saved()
    const bob = b.client('minutes')
    await waitFor(() => converged(alice, bob))
    await new Promise((resolve) => setTimeout(resolve, 20))
    const mark = hub.published.length

    // A client holding the whole document, deletions and all, sends a step 2 that Yjs fills
    // with the full delete set; a fresh client sends an empty one. Neither is new content.
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(alice.doc))
    const returning = connectClient(b.url, 'minutes', copy)
    const fresh = a.client('minutes')
    await Promise.all([returning.saved(), fresh.synced()])
    await new Promise((resolve) => setTimeout(resolve, 3 * HEAL_MS))
    returning.destroy()

    const kinds = hub.published.flatMap(({ message }) =>
      decodeFanoutMessage(message).parts.map((part) => part.kind),
    )
    const known: number[] = Object.values(FanoutPart)
    expect(kinds.every((kind) => known.includes(kind))).toBe(true)
    const later = hub.published
      .slice(mark)
      .flatMap(({ message }) => decodeFanoutMessage(message).parts)
    expect(later.filter((part) => part.kind === FanoutPart.Update)).toEqual([])
    expect(fresh.text.toString()).toBe(alice.text.toString())
  })
})
