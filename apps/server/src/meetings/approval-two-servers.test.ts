import { randomUUID } from 'node:crypto'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { AccordClient, seedCoalition } from '../testing/accord-client.ts'
import { dropSchema, freshSchema, TEST_DATABASE_URL } from '../testing/postgres.ts'
import { rawWriter, type RawWriter } from './testing/raw-writer.ts'

// Two instances sharing PostgreSQL and Redis. Approval on one makes the room on the other
// read-only at its next periodic check (every second here), without anyone reconnecting.
const schema = freshSchema()
const config = loadConfig({
  PORT: '0',
  DATABASE_URL: TEST_DATABASE_URL,
  DATABASE_SCHEMA: schema,
  REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  REDIS_PREFIX: `accord-test-${randomUUID()}:`,
  SESSION_CHECK_SECONDS: '1',
})
const servers: RunningServer[] = []
const writers: RawWriter[] = []

beforeAll(async () => {
  // One after the other: both migrate the same schema.
  servers.push(await startServer(config, pino({ level: 'silent' })))
  servers.push(await startServer(config, pino({ level: 'silent' })))
  await Promise.all(servers.map((server) => server.fanout!.ready()))
})

afterAll(async () => {
  for (const writer of writers.splice(0)) writer.close()
  for (const server of servers) await server.close()
  await dropSchema(schema)
})

describe('approval on another instance', () => {
  it("reaches a writer's room at the next check, and so does reopening", async () => {
    const [first, second] = servers as [RunningServer, RunningServer]
    const seed = await seedCoalition(first.url)
    const onSecond = new AccordClient(second.url)
    onSecond.cookie = seed.member.cookie
    const writer = await rawWriter(second.url, onSecond, seed.meetingId)
    writers.push(writer)
    await writer.roundTrip()
    const minutesPath = `/api/meetings/${seed.meetingId}/minutes`
    const storedText = async () =>
      ((await onSecond.expect(200, 'GET', minutesPath)).minutes as { text: string }).text

    await seed.chair.expect(200, 'POST', `/api/meetings/${seed.meetingId}/approve`)
    let attempt = 0
    await expect
      .poll(
        async () => {
          writer.write(`Written on the second instance (${++attempt}).`)
          await writer.roundTrip()
          return writer.refusals()
        },
        { timeout: 5000, interval: 100 },
      )
      .toEqual(['read-only access'])
    // Edits the second instance took before its check are stored; nothing after it.
    await second.rooms.read(seed.meetingId, () => undefined)
    const approved = await storedText()
    writer.write('Refused for good.')
    await writer.roundTrip()
    expect(await storedText()).toBe(approved)

    await seed.chair.expect(200, 'POST', `/api/meetings/${seed.meetingId}/reopen`)
    await expect
      .poll(
        async () => {
          writer.write('Reopened.')
          await writer.roundTrip()
          return storedText()
        },
        { timeout: 5000, interval: 100 },
      )
      .toContain('Reopened.')
    expect(await storedText()).not.toContain('Refused for good.')
  })
})
