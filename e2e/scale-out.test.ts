import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MINUTES_FIELD } from '@accord/minutes'
import type { Structure } from '@accord/minutes/structure'
import { AccordClient, seedCoalition, type SeededCoalition } from '@accord/server/testing'
import { waitFor, type Client } from '@accord/sync/testing'
import {
  dropSchema,
  freshSchema,
  queryTestDatabase,
  TEST_DATABASE_URL,
} from '../apps/server/src/testing/postgres.ts'
import { startLoadBalancer, type LoadBalancer } from './support/load-balancer.ts'
import { startServerProcess, type ServerProcess } from './support/server-process.ts'

// Two real server processes, as two instances behind a load balancer: one PostgreSQL schema and
// one Redis prefix of their own for this run, each instance on its own port. Sessions live in
// PostgreSQL, so a cookie made on one works on the other. The heal interval is not
// configurable from the environment, so healing runs at its default (5 s); after a Redis
// reconnect every loaded room heals at once.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
const schema = freshSchema()
const prefix = `accord-test-${randomUUID()}:`
const env = {
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: schema,
  REDIS_URL,
  REDIS_PREFIX: prefix,
}

const servers: ServerProcess[] = []
const clients: Client[] = []
let balancer: LoadBalancer | undefined
let redis: Redis
let seed: SeededCoalition

beforeAll(async () => {
  redis = new Redis(REDIS_URL)
  // One after the other: both migrate the same schema on start.
  servers.push(await startServerProcess({ env }))
  servers.push(await startServerProcess({ env }))
  seed = await seedCoalition(servers[0]!.url)
}, 60_000)

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await balancer?.close()
  await Promise.all(servers.map((server) => server.kill()))
  redis.disconnect()
  await dropSchema(schema)
})

/** `person`'s session, talking to the server (or balancer) at `url`. */
function as(person: AccordClient, url: string) {
  const client = new AccordClient(url)
  client.cookie = person.cookie
  return client
}

function connect(person: AccordClient, url: string, meetingId: string) {
  const client = as(person, url).sync(meetingId)
  clients.push(client)
  return client
}

async function newMeeting(title: string): Promise<string> {
  const { meeting } = await seed.chair.expect(
    201,
    'POST',
    `/api/coalitions/${seed.coalitionId}/meetings`,
    { title, date: '2026-11-23' },
  )
  return meeting.id
}

const stateVector = (client: Client) => Y.encodeStateVector(client.doc).join()
const minutesText = (client: Client) => client.doc.getXmlFragment(MINUTES_FIELD).toString()

function identical(a: Client, b: Client) {
  return (
    a.text.toString() === b.text.toString() &&
    minutesText(a) === minutesText(b) &&
    stateVector(a) === stateVector(b)
  )
}

/** Lines must be 0, 1, 2… in order, each exactly once. */
function expectEachLineOnce(text: string) {
  const lines = text.split('\n').filter(Boolean)
  expect(lines).toEqual(lines.map((_, i) => `line ${i}`))
}

/** The document as PostgreSQL holds it, read past both servers. */
async function storedText(meetingId: string): Promise<string> {
  const rows = await queryTestDatabase<{ data: Buffer }>(
    `SELECT data FROM ${schema}.document_updates WHERE doc = $1 ORDER BY id`,
    [meetingId],
  )
  const doc = new Y.Doc()
  for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
  return doc.getText('text').toString()
}

/** Adds a paragraph and types the sentence into it a few characters at a time. */
async function typeParagraph(client: Client, sentence: string) {
  const text = new Y.XmlText()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [text])
  const fragment = client.doc.getXmlFragment(MINUTES_FIELD)
  fragment.insert(fragment.length, [paragraph])
  for (let at = 0; at < sentence.length; at += 3) {
    text.insert(at, sentence.slice(at, at + 3))
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

/** This run's Redis connections: the fan-out names them after the prefix. */
async function fanoutConnections(): Promise<{ id: string; name: string }[]> {
  const list = String(await redis.call('CLIENT', 'LIST'))
  return list
    .split('\n')
    .map((line) => ({ id: /\bid=(\d+)/.exec(line)?.[1], name: /\bname=(\S*)/.exec(line)?.[1] }))
    .filter((c): c is { id: string; name: string } => !!c.id && !!c.name?.startsWith(prefix))
}

describe('two server processes sharing PostgreSQL and Redis', () => {
  it('converges a client on each and carries server-stamped presence across', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess]
    const meetingId = await newMeeting('Convergence')
    const chair = connect(seed.chair, first.url, meetingId)
    const secretariat = connect(seed.secretariat, second.url, meetingId)
    await Promise.all([chair.synced(), secretariat.synced()])

    for (let i = 0; i < 20; i++) {
      chair.text.insert(0, `chair ${i}\n`)
      secretariat.text.insert(secretariat.text.length, `secretariat ${i}\n`)
    }
    await Promise.all([typeParagraph(chair, 'FPCT agreed the budget.'), secretariat.saved()])
    await waitFor(() => identical(chair, secretariat) && chair.text.length > 0, {
      message: 'replicas differ',
    })
    expect(chair.text.toString()).toContain('secretariat 19')
    expect(minutesText(secretariat)).toContain('FPCT agreed the budget.')

    // Each instance stamps its own connection's name; the other passes it on unchanged.
    chair.provider.awareness.setLocalStateField('cursor', 1)
    secretariat.provider.awareness.setLocalStateField('cursor', 2)
    const seen = (by: Client, of: Client) => by.provider.awareness.getStates().get(of.doc.clientID)
    await waitFor(() => !!seen(secretariat, chair)?.user && !!seen(chair, secretariat)?.user, {
      message: 'awareness did not cross',
    })
    expect(seen(secretariat, chair)).toMatchObject({ user: { name: 'Owen' }, cursor: 1 })
    expect(seen(chair, secretariat)).toMatchObject({ user: { name: 'Grace' }, cursor: 2 })
  })

  it('never duplicates projection rows when both instances project one meeting', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess]
    const meetingId = await newMeeting('Projection')
    const chair = connect(seed.chair, first.url, meetingId)
    const secretariat = connect(seed.secretariat, second.url, meetingId)
    await Promise.all([chair.synced(), secretariat.synced()])

    // Both type at once, each on its own instance: both instances project the meeting.
    await Promise.all([
      typeParagraph(chair, 'ALC will circulate the summary by Friday.'),
      typeParagraph(secretariat, 'FPCT will draft the letter to the council by Monday.'),
    ])
    await Promise.all([chair.saved(), secretariat.saved()])
    await waitFor(() => identical(chair, secretariat), { message: 'replicas differ' })

    const structureOn = (server: ServerProcess) =>
      as(seed.chair, server.url).expect<Structure>(
        200,
        'GET',
        `/api/meetings/${meetingId}/structure`,
      )
    let structures: [Structure, Structure] | undefined
    const deadline = Date.now() + 10_000
    for (;;) {
      structures = [await structureOn(first), await structureOn(second)]
      const [a, b] = structures
      if (a.actions.length === 2 && JSON.stringify(a) === JSON.stringify(b)) break
      if (Date.now() > deadline)
        throw new Error(`structure not settled: ${JSON.stringify(structures)}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    // The paragraphs were added concurrently, so their order is whatever Yjs settled on.
    expect(structures[0].actions.map((action) => action.owners).sort()).toEqual(
      [[seed.organisations.alc], [seed.organisations.fpct]].sort(),
    )

    const duplicated = (column: string) =>
      queryTestDatabase(
        `SELECT ${column}, count(*) FROM ${schema}.actions WHERE meeting_id = $1
         GROUP BY ${column} HAVING count(*) > 1`,
        [meetingId],
      )
    expect(await duplicated('key')).toEqual([])
    // The same sentence under two keys would be a duplicate too.
    expect(await duplicated('source_text')).toEqual([])
    const rows = await queryTestDatabase(
      `SELECT count(*)::int AS count FROM ${schema}.actions WHERE meeting_id = $1`,
      [meetingId],
    )
    expect(rows).toEqual([{ count: 2 }])
  })

  it('converges within 10 s after losing its Redis connections mid-session', async () => {
    const [first, second] = servers as [ServerProcess, ServerProcess]
    const meetingId = await newMeeting('Redis loss')
    const chair = connect(seed.chair, first.url, meetingId)
    const secretariat = connect(seed.secretariat, second.url, meetingId)
    await Promise.all([chair.synced(), secretariat.synced()])
    chair.text.insert(0, 'before\n')
    await waitFor(() => secretariat.text.toString() === 'before\n')

    // Only this run's connections (two per instance); the shared Redis server stays up.
    const before = await fanoutConnections()
    expect(before).toHaveLength(4)
    const lostAt = Date.now()
    for (const { id } of before) await redis.call('CLIENT', 'KILL', 'ID', id)
    // Edit on both sides while the instances reconnect: some of it cannot be published.
    for (let i = 0; i < 10; i++) {
      chair.text.insert(chair.text.length, `chair ${i}\n`)
      secretariat.text.insert(0, `secretariat ${i}\n`)
      await new Promise((resolve) => setTimeout(resolve, 20))
    }
    await waitFor(
      () =>
        identical(chair, secretariat) &&
        chair.text.toString().includes('secretariat 9') &&
        secretariat.text.toString().includes('chair 9'),
      { timeout: 10_000 - (Date.now() - lostAt), message: 'replicas differ after Redis loss' },
    )
    await Promise.all([chair.saved(), secretariat.saved()])

    // Both instances noticed, and healed their rooms (their log says so at info level).
    for (const server of [first, second]) {
      await waitFor(() => server.output().includes('Redis fan-out reconnected; healing loaded'))
    }
    const after = await fanoutConnections()
    expect(after).toHaveLength(4)
    expect(after.filter(({ id }) => before.some((old) => old.id === id))).toEqual([])
    // And the fan-out works again without waiting for a heal.
    chair.text.insert(0, 'after\n')
    await waitFor(() => secretariat.text.toString().startsWith('after\n'), { timeout: 2000 })
  })

  it('moves the clients of a killed instance to the other, losing nothing acknowledged', async () => {
    const meetingId = await newMeeting('Failover')
    balancer = await startLoadBalancer(servers.map((server) => server.port))
    const writer = connect(seed.chair, balancer.url, meetingId)
    await writer.synced()
    const [victimPort] = balancer.openBackends()
    const victim = servers.find((server) => server.port === victimPort)!
    const survivor = servers.find((server) => server !== victim)!
    const reader = connect(seed.secretariat, survivor.url, meetingId)
    await reader.synced()

    let acknowledged = ''
    const stopRecording = writer.saveStatus.onChange((saved) => {
      if (saved) acknowledged = writer.text.toString()
    })
    let next = 0
    for (; next < 100; next++) {
      writer.text.insert(writer.text.length, `line ${next}\n`)
      if (next % 10 === 9) await new Promise((resolve) => setTimeout(resolve, 5))
    }
    await waitFor(() => acknowledged.length > 0, { timeout: 10_000 })
    for (const end = next + 50; next < end;)
      writer.text.insert(writer.text.length, `line ${next++}\n`)

    // Hold reconnections so storage is read before the writer can send anything again.
    balancer.hold()
    await victim.kill()
    stopRecording()
    const stored = await storedText(meetingId)
    expect(stored.startsWith(acknowledged)).toBe(true)
    expectEachLineOnce(stored)

    balancer.release()
    await waitFor(() => writer.saveStatus.saved && writer.provider.synced, {
      timeout: 10_000,
      message: 'the writer did not come back through the balancer',
    })
    expect(balancer.openBackends()).toEqual([survivor.port])
    await waitFor(() => identical(writer, reader), { timeout: 5000, message: 'replicas differ' })
    expectEachLineOnce(reader.text.toString())
    expect(reader.text.toString().split('\n').filter(Boolean)).toHaveLength(150)

    const late = connect(seed.observer, survivor.url, meetingId)
    await late.synced()
    expect(late.text.toString()).toBe(writer.text.toString())
    expectEachLineOnce(await storedText(meetingId))
    expect(await storedText(meetingId)).toBe(writer.text.toString())
  })
})
