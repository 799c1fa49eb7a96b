import { randomUUID } from 'node:crypto'
import { MemoryStore } from '@accord/sync'
import { startHarness, waitFor, type Client } from '@accord/sync/testing'
import { Redis } from 'ioredis'
import pino from 'pino'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { RedisFanout } from './redis-fanout.ts'

// The shared Redis of development and CI: every test gets its own prefix and touches only
// its own connections.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const HEAL_MS = 200
const logger = pino({ level: 'silent' })
const cleanup: (() => Promise<unknown>)[] = []
let admin: Redis

beforeAll(() => {
  admin = new Redis(REDIS_URL, { connectionName: 'accord-fanout-test-admin' })
})
afterAll(async () => {
  await admin.quit()
})
afterEach(async () => {
  for (const close of cleanup.splice(0).reverse()) await close()
})

/** Two room servers, each with its own websocket server and Redis connections, one store. */
async function twoInstances() {
  const prefix = `accord-test-${randomUUID()}:`
  const store = new MemoryStore()
  const start = async () => {
    const fanout = new RedisFanout({ url: REDIS_URL, prefix, logger })
    cleanup.push(() => fanout.close())
    await fanout.ready()
    const harness = await startHarness({
      store,
      fanout,
      healIntervalMs: HEAL_MS,
      connectionOptions: (query) => ({ presence: { name: query.get('name') ?? 'someone' } }),
    })
    cleanup.push(() => harness.close())
    return { ...harness, fanout }
  }
  return { prefix, a: await start(), b: await start() }
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

/** Ids of this test's Redis connections, from CLIENT LIST. */
async function connectionIds(prefix: string): Promise<string[]> {
  const list = (await admin.call('CLIENT', 'LIST')) as string
  return list
    .split('\n')
    .filter((line) => line.includes(` name=${prefix}`))
    .map((line) => /(?:^|\s)id=(\d+)/.exec(line)![1]!)
}

describe('Redis fan-out', () => {
  it('converges a client on each instance and carries awareness both ways', async () => {
    const { a, b } = await twoInstances()
    const alice = a.client('minutes', new Y.Doc(), { name: 'Alice' })
    const bob = b.client('minutes', new Y.Doc(), { name: 'Bob' })
    await Promise.all([alice.synced(), bob.synced()])
    alice.text.insert(0, 'ALC will circulate the analysis. ')
    bob.text.insert(0, 'Carers UK will brief MPs. ')
    await waitFor(() => alice.text.length > 40 && converged(alice, bob))

    alice.provider.awareness.setLocalStateField('cursor', 4)
    bob.provider.awareness.setLocalStateField('cursor', 9)
    await waitFor(() => bob.provider.awareness.getStates().has(alice.doc.clientID))
    await waitFor(() => alice.provider.awareness.getStates().has(bob.doc.clientID))
    expect(bob.provider.awareness.getStates().get(alice.doc.clientID)).toMatchObject({
      user: { name: 'Alice' },
      cursor: 4,
    })
    alice.destroy()
    await waitFor(() => !bob.provider.awareness.getStates().has(alice.doc.clientID))
    expect(a.fanout.stats.published).toBeGreaterThan(0)
    expect(b.rooms.fanoutStats!.remoteUpdates).toBeGreaterThan(0)
  })

  it('holds two connections per instance however many rooms are open', async () => {
    const { prefix, a, b } = await twoInstances()
    const clients = Array.from({ length: 20 }, (_, i) => (i % 2 ? a : b).client(`room-${i}`))
    await Promise.all(clients.map((client) => client.synced()))
    expect(a.rooms.roomCount + b.rooms.roomCount).toBe(20)
    expect(await connectionIds(prefix)).toHaveLength(4)
  })

  it('converges within 10 s after Redis drops every connection mid-session', async () => {
    const { prefix, a, b } = await twoInstances()
    const alice = a.client('minutes')
    const bob = b.client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    alice.text.insert(0, 'Before the outage. ')
    await waitFor(() => converged(alice, bob))

    // An outage of about a second: the instances' connections are killed as soon as they
    // come back (pub/sub and normal alike, as a Redis restart would), while both sides edit.
    const outageEnds = Date.now() + 1500
    let edits = 0
    let kills = 0
    while (Date.now() < outageEnds) {
      const ids = await connectionIds(prefix)
      if (ids.length > 0) await admin.call('CLIENT', 'KILL', ...ids.flatMap((id) => ['ID', id]))
      kills += ids.length
      if (kills % 3 === 0) {
        const editor = edits % 2 ? alice : bob
        editor.text.insert(editor.text.length, `${edits++} `)
        if (edits % 5 === 0) editor.text.delete(0, 1)
      }
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
    // The last edits land while every connection is down, so only healing can carry them.
    const ids = await connectionIds(prefix)
    if (ids.length > 0) await admin.call('CLIENT', 'KILL', ...ids.flatMap((id) => ['ID', id]))
    alice.text.insert(0, 'Alice, offline from Redis. ')
    bob.text.insert(0, 'Bob, offline from Redis. ')
    const outageOver = Date.now()
    const divergedAtEnd = !converged(alice, bob)
    await waitFor(() => converged(alice, bob), { timeout: 10_000 })
    const stats = [a, b].map(({ fanout, rooms }) => ({ ...fanout.stats, ...rooms.fanoutStats! }))
    console.info(
      `Redis fan-out: ${kills} connections killed, ${edits} edits during the outage, ` +
        `diverged at its end: ${divergedAtEnd}, converged ${Date.now() - outageOver} ms later; ` +
        `stats ${JSON.stringify(stats)}`,
    )
    expect(stats[0]!.reconnects + stats[1]!.reconnects).toBeGreaterThan(0)
    expect(stats[0]!.dropped + stats[1]!.dropped).toBeGreaterThan(0)
    await waitFor(() => a.fanout.isReady() && b.fanout.isReady())
    expect(await connectionIds(prefix)).toHaveLength(4)

    // And the channel works again for live edits.
    bob.text.insert(0, 'After. ')
    await waitFor(() => converged(alice, bob) && alice.text.toString().startsWith('After. '))
  })

  it('answers a ping, and while Redis is unreachable fails it and still closes at once', async () => {
    const up = new RedisFanout({ url: REDIS_URL, prefix: `accord-test-${randomUUID()}:`, logger })
    cleanup.push(() => up.close())
    await up.ready()
    await expect(up.ping()).resolves.toBeUndefined()

    // Nothing listens there; a subscribe waits in the offline queue while ioredis retries.
    const down = new RedisFanout({ url: 'redis://127.0.0.1:6390', prefix: 'accord-test:', logger })
    down.subscribe('minutes', () => {})
    await expect(down.ping()).rejects.toThrow()
    const closing = performance.now()
    await down.close()
    expect(performance.now() - closing).toBeLessThan(1000)
  })
})
