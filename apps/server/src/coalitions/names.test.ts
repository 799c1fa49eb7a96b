/**
 * Names and titles that would not read as what they are – with control characters, direction
 * overrides, or nothing but invisible characters – refused wherever one is given, over real
 * HTTP, with nothing created or changed; real names in any script still welcome.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AccordClient, PASSWORD } from '../testing/accord-client.ts'
import { expectErrorShape } from '../testing/expect-error.ts'
import { startTestServer, type TestServer } from '../testing/test-server.ts'

const BAD: [string, string][] = [
  ['a right-to-left override', 'Fair Pay \u202ETCPF'],
  ['a left-to-right embedding', '\u202AALC'],
  ['a first-strong isolate', 'ALC \u2068x\u2069'],
  ['a line break', 'Ada\nLovelace'],
  ['a NUL', 'Ada\u0000'],
  ['a C1 control', 'Ada\u0085'],
  ['only zero-width spaces', '\u200B\u200B'],
  ['only a byte-order mark and word joiner', '\uFEFF\u2060'],
  ['only joiners', '\u200C\u200D'],
]
const GOOD = [
  'Ada Lovelace',
  'Zoë Ó Briain',
  'جمعية المجالس المحلية',
  'שלום Care',
  '👩‍👩‍👧 Families First',
  'Māori Health Trust',
]

let s: TestServer
let chair: AccordClient
let coalitionId: string
let meetingId: string

beforeAll(async () => {
  s = await startTestServer({ RATE_SIGN_UP_PER_ADDRESS: '1000' })
  chair = new AccordClient(s.url)
  await chair.signUp('Owen')
  const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
    name: 'Northshire Care Coalition',
    organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
  })
  coalitionId = membership.coalition.id
  const { meeting } = await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/meetings`, {
    title: 'Fortnightly call',
    date: '2025-03-04',
  })
  meetingId = meeting.id
})
afterAll(() => s?.close())

function expectRefused(answer: { status: number; body: unknown; headers: Headers }) {
  expectErrorShape(answer, 400, 'invalid_request')
  const { message } = (answer.body as { error: { message: string } }).error
  expect(message).toMatch(
    /(Names|Titles) cannot (contain control or direction-changing characters|be made only of invisible characters)/,
  )
}

const organisationsNow = async () =>
  (await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/organisations`)).organisations
const coalitionNow = async () =>
  (await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}`)).coalition
const meetingsNow = async () =>
  (await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/meetings`)).meetings

describe.each(BAD)('a name with %s', (_what, bad) => {
  it('is refused for a person signing up, and no account is made', async () => {
    const email = `bad-${Math.random().toString(36).slice(2)}@example.org`
    const client = new AccordClient(s.url)
    expectRefused(
      await client.request('POST', '/api/auth/sign-up', { email, name: bad, password: PASSWORD }),
    )
    expect(client.cookie).toBeUndefined()
    const signIn = await client.request('POST', '/api/auth/sign-in', { email, password: PASSWORD })
    expectErrorShape(signIn, 401, 'bad_credentials')
  })

  it('is refused for a coalition, created or renamed, and nothing changes', async () => {
    const before = (await chair.expect(200, 'GET', '/api/me')).memberships
    expectRefused(
      await chair.request('POST', '/api/coalitions', {
        name: bad,
        organisation: { name: 'Trust', shortName: 'T' },
      }),
    )
    expectRefused(
      await chair.request('POST', '/api/coalitions', {
        name: 'Fine',
        organisation: { name: bad, shortName: 'T' },
      }),
    )
    expect((await chair.expect(200, 'GET', '/api/me')).memberships).toEqual(before)
    expectRefused(await chair.request('PATCH', `/api/coalitions/${coalitionId}`, { name: bad }))
    expect((await coalitionNow()).name).toBe('Northshire Care Coalition')
  })

  it('is refused for an organisation’s name, short name and aliases, added or changed', async () => {
    const before = await organisationsNow()
    const path = `/api/coalitions/${coalitionId}/organisations`
    for (const body of [
      { name: bad, shortName: 'FPCT' },
      { name: 'Fair Pay for Care Trust', shortName: bad },
      { name: 'Fair Pay for Care Trust', shortName: 'FPCT', aliases: ['Fair Pay', bad] },
    ]) {
      expectRefused(await chair.request('POST', path, body))
    }
    const alc = before[0].id
    for (const patch of [{ name: bad }, { shortName: bad }, { aliases: [bad] }]) {
      expectRefused(await chair.request('PATCH', `${path}/${alc}`, patch))
    }
    expect(await organisationsNow()).toEqual(before)
  })

  it('is refused for a meeting title, new, changed or the next meeting’s', async () => {
    const before = await meetingsNow()
    expectRefused(
      await chair.request('POST', `/api/coalitions/${coalitionId}/meetings`, {
        title: bad,
        date: '2025-03-18',
      }),
    )
    expectRefused(await chair.request('PATCH', `/api/meetings/${meetingId}`, { title: bad }))
    expectRefused(
      await chair.request('POST', `/api/meetings/${meetingId}/next`, {
        title: bad,
        date: '2025-03-18',
      }),
    )
    expect(await meetingsNow()).toEqual(before)
  })
})

describe('names in any script', () => {
  it('are taken as given, joiners inside emoji included', async () => {
    for (const [i, name] of GOOD.entries()) {
      const client = new AccordClient(s.url)
      const { person } = await client.expect(201, 'POST', '/api/auth/sign-up', {
        email: `good-${i}-${Math.random().toString(36).slice(2)}@example.org`,
        name,
        password: PASSWORD,
      })
      expect(person.name).toBe(name)
      const { organisation } = await chair.expect(
        201,
        'POST',
        `/api/coalitions/${coalitionId}/organisations`,
        { name, shortName: `G${i}`, aliases: [name] },
      )
      expect(organisation).toMatchObject({ name, aliases: [name] })
      const { meeting } = await chair.expect(
        201,
        'POST',
        `/api/coalitions/${coalitionId}/meetings`,
        { title: name, date: '2025-04-01' },
      )
      expect(meeting.title).toBe(name)
    }
  })
})
