/**
 * What one person can make, capped (MAX_COALITIONS_PER_PERSON, DEMOS_PER_PERSON_PER_DAY,
 * MEETINGS_PER_PERSON_PER_DAY, MAX_MEETINGS_PER_COALITION), over real HTTP: past a cap the
 * request is refused with a plain message and nothing is made; others are not held back.
 */
import { describe, expect, it } from 'vitest'
import { AccordClient, seedCoalition, type ApiAnswer } from '../testing/accord-client.ts'
import { expectErrorShape } from '../testing/expect-error.ts'
import { postImport } from '../testing/import-upload.ts'
import { withServer, type TestServer } from '../testing/test-server.ts'

async function signedUp(s: TestServer, name: string) {
  const client = new AccordClient(s.url)
  await client.signUp(name)
  return client
}

const newCoalition = (client: AccordClient, name: string) =>
  client.request('POST', '/api/coalitions', {
    name,
    organisation: { name: `${name} Trust`, shortName: 'T' },
  })

const coalitionsOf = async (client: AccordClient) =>
  ((await client.expect(200, 'GET', '/api/me')).memberships as unknown[]).length

function expectLimit(answer: ApiAnswer, mentions: RegExp) {
  expectErrorShape(answer, 403, 'limit_reached')
  expect((answer.body as { error: { message: string } }).error.message).toMatch(mentions)
}

function expectTooMany(answer: ApiAnswer, mentions: RegExp) {
  expectErrorShape(answer, 429, 'too_many_requests')
  expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
  expect((answer.body as { error: { message: string } }).error.message).toMatch(mentions)
}

describe('MAX_COALITIONS_PER_PERSON', () => {
  it('=2: a person chairing two is refused a third, and a demo; someone else is not', async () => {
    await withServer({ MAX_COALITIONS_PER_PERSON: '2' }, async (s) => {
      const ada = await signedUp(s, 'Ada')
      for (const name of ['One', 'Two']) expect((await newCoalition(ada, name)).status).toBe(201)
      expectLimit(await newCoalition(ada, 'Three'), /chair 2 coalitions/)
      expectLimit(await ada.request('POST', '/api/demo'), /chair 2 coalitions/)
      expect(await coalitionsOf(ada)).toBe(2)
      const grace = await signedUp(s, 'Grace')
      expect((await newCoalition(grace, 'Elsewhere')).status).toBe(201)
    })
  })

  it('=2: five made at once from one person make exactly two', async () => {
    await withServer({ MAX_COALITIONS_PER_PERSON: '2' }, async (s) => {
      const ada = await signedUp(s, 'Ada')
      const answers = await Promise.all(
        ['A', 'B', 'C', 'D', 'E'].map((name) => newCoalition(ada, name)),
      )
      expect(answers.map((answer) => answer.status).sort()).toEqual([201, 201, 403, 403, 403])
      expect(await coalitionsOf(ada)).toBe(2)
    })
  })
})

describe('DEMOS_PER_PERSON_PER_DAY', () => {
  it('=1: a second demo the same day is 429 and makes nothing', async () => {
    await withServer({ DEMOS_PER_PERSON_PER_DAY: '1' }, async (s) => {
      const ada = await signedUp(s, 'Ada')
      await ada.expect(201, 'POST', '/api/demo')
      const second = await ada.request('POST', '/api/demo')
      expectTooMany(second, /demo/)
      expect(Number(second.headers.get('retry-after'))).toBeLessThanOrEqual(24 * 3600)
      expect(await coalitionsOf(ada)).toBe(1)
      // Making a coalition of one's own is not a demo.
      expect((await newCoalition(ada, 'Real')).status).toBe(201)
    })
  })
})

const importMinutes = (client: AccordClient, coalitionId: string, title: string) =>
  postImport(client, coalitionId, {
    text: 'Present: ALC\n\nALC to write.',
    title,
    date: '2025-05-01',
  })

describe('meetings', () => {
  it('MEETINGS_PER_PERSON_PER_DAY=3: the fourth meeting one person makes in a day, new, next or imported, is 429; others still make theirs', async () => {
    await withServer({ MEETINGS_PER_PERSON_PER_DAY: '3' }, async (s) => {
      // The seed's chair makes the first meeting.
      const { chair, secretariat, coalitionId, meetingId } = await seedCoalition(s.url)
      const meetingsPath = `/api/coalitions/${coalitionId}/meetings`
      await chair.expect(201, 'POST', meetingsPath, { title: 'Second', date: '2025-03-18' })
      await chair.expect(201, 'POST', `/api/meetings/${meetingId}/next`, {
        title: 'Third',
        date: '2025-04-01',
      })
      const count = async () => (await chair.expect(200, 'GET', meetingsPath)).meetings.length
      expect(await count()).toBe(3)
      expectTooMany(
        await chair.request('POST', meetingsPath, { title: 'Fourth', date: '2025-04-15' }),
        /meetings/,
      )
      expectTooMany(
        await chair.request('POST', `/api/meetings/${meetingId}/next`, {
          title: 'Fourth',
          date: '2025-04-15',
        }),
        /meetings/,
      )
      expectTooMany(await importMinutes(chair, coalitionId, 'Imported'), /meetings/)
      expect(await count()).toBe(3)
      await secretariat.expect(201, 'POST', meetingsPath, { title: 'Theirs', date: '2025-04-15' })
    })
  })

  it('MAX_MEETINGS_PER_COALITION=2: a coalition with two is refused a third, new, next or imported; another coalition is not', async () => {
    await withServer({ MAX_MEETINGS_PER_COALITION: '2' }, async (s) => {
      const { chair, secretariat, coalitionId, meetingId } = await seedCoalition(s.url)
      const meetingsPath = `/api/coalitions/${coalitionId}/meetings`
      await chair.expect(201, 'POST', meetingsPath, { title: 'Second', date: '2025-03-18' })
      expectLimit(
        await secretariat.request('POST', meetingsPath, { title: 'Third', date: '2025-04-01' }),
        /2 meetings/,
      )
      expectLimit(
        await chair.request('POST', `/api/meetings/${meetingId}/next`, {
          title: 'Third',
          date: '2025-04-01',
        }),
        /2 meetings/,
      )
      expectLimit(await importMinutes(chair, coalitionId, 'Imported'), /2 meetings/)
      expect((await chair.expect(200, 'GET', meetingsPath)).meetings).toHaveLength(2)
      const { membership } = await (await newCoalition(chair, 'Another')).body
      await chair.expect(201, 'POST', `/api/coalitions/${membership.coalition.id}/meetings`, {
        title: 'Elsewhere',
        date: '2025-04-01',
      })
    })
  })
})
