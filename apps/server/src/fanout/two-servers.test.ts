import { randomUUID } from 'node:crypto'
import { MINUTES_FIELD } from '@accord/minutes'
import { waitFor, type Client } from '@accord/sync/testing'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { AccordClient, seedCoalition } from '../testing/accord-client.ts'
import { addParagraph } from '../testing/minutes.ts'
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../testing/postgres.ts'

// Two real servers, as two instances behind a load balancer: one PostgreSQL schema, one Redis
// prefix, each with its own port. A session made on one is valid on the other.
const schema = freshSchema()
const config = loadConfig({
  PORT: '0',
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: schema,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `accord-test-${randomUUID()}:`,
})
const servers: RunningServer[] = []
const clients: Client[] = []

beforeAll(async () => {
  // One after the other: both migrate the same schema.
  servers.push(await startServer(config, pino({ level: 'silent' })))
  servers.push(await startServer(config, pino({ level: 'silent' })))
  await Promise.all(servers.map((server) => server.fanout!.ready()))
})

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  for (const server of servers) await server.close()
  await dropSchema(schema)
})

const minutesText = (doc: Y.Doc) => doc.getXmlFragment(MINUTES_FIELD).toString()

describe('two servers sharing PostgreSQL and Redis', () => {
  it('converges a client on each and carries presence across', async () => {
    const [first, second] = servers as [RunningServer, RunningServer]
    const seed = await seedCoalition(first.url)
    const onSecond = new AccordClient(second.url)
    onSecond.cookie = seed.secretariat.cookie
    const chair = seed.chair.sync(seed.meetingId)
    const secretariat = onSecond.sync(seed.meetingId)
    clients.push(chair, secretariat)
    await Promise.all([chair.synced(), secretariat.synced()])

    addParagraph(chair.doc, 'ALC will circulate the summary by Friday.')
    addParagraph(secretariat.doc, 'FPCT agreed the budget.')
    await waitFor(
      () =>
        minutesText(chair.doc).includes('FPCT agreed the budget.') &&
        minutesText(chair.doc) === minutesText(secretariat.doc) &&
        Y.encodeStateVector(chair.doc).join() === Y.encodeStateVector(secretariat.doc).join(),
    )
    expect(minutesText(chair.doc)).toContain('ALC will circulate the summary by Friday.')

    chair.provider.awareness.setLocalStateField('cursor', 1)
    await waitFor(() => secretariat.provider.awareness.getStates().has(chair.doc.clientID))
    expect(secretariat.provider.awareness.getStates().get(chair.doc.clientID)).toMatchObject({
      user: { name: 'Owen' },
    })
    chair.destroy()
    await waitFor(() => !secretariat.provider.awareness.getStates().has(chair.doc.clientID))
    expect(first.rooms.fanoutStats!.maxPublishesPerRoomPerTurn).toBe(1)
  })
})
