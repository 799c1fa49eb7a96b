import { connectClient } from '@accord/sync/testing'
import type { Role } from '@accord/coalition'
import * as Y from 'yjs'

export interface ApiAnswer<T = unknown> {
  status: number
  body: T
  headers: Headers
}

/**
 * One person talking to a running Accord over HTTP, as a browser would: it keeps the session
 * cookie the server sets and sends it back. For tests, the crash test and benchmarks.
 */
/**
 * What a test gets back when it names no type: tests read answers loosely and assert their
 * shape, so a body typed `unknown` would only add casts. Production code never uses this.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LooseJson = any

export class AccordClient {
  cookie: string | undefined

  constructor(readonly baseUrl: string) {}

  async request<T = LooseJson>(
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiAnswer<T>> {
    const headers: Record<string, string> = {}
    if (body !== undefined) headers['content-type'] = 'application/json'
    if (this.cookie) headers['cookie'] = this.cookie
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const setCookie = response.headers.get('set-cookie')
    if (setCookie) {
      const [pair] = setCookie.split(';')
      this.cookie = pair!.endsWith('=') ? undefined : pair
    }
    const text = await response.text()
    // Downloads (CSV, Markdown, calendars) come back as their text.
    const json = response.headers.get('content-type')?.startsWith('application/json')
    return {
      status: response.status,
      body: (text ? (json ? JSON.parse(text) : text) : undefined) as T,
      headers: response.headers,
    }
  }

  /** Like request, but fails loudly unless the status is the one expected. */
  async expect<T = LooseJson>(
    status: number,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<T> {
    const answer = await this.request<T>(method, path, body)
    if (answer.status !== status) {
      throw new Error(
        `${method} ${path}: expected ${status}, got ${answer.status} ${JSON.stringify(answer.body)}`,
      )
    }
    return answer.body
  }

  async signUp(
    name: string,
    email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '.')}-${Math.random().toString(36).slice(2)}@example.org`,
  ) {
    const { person } = await this.expect<{ person: { id: string } }>(
      201,
      'POST',
      '/api/auth/sign-up',
      {
        email,
        name,
        password: 'correct horse battery staple',
      },
    )
    return { id: person.id, email }
  }

  /** A y-websocket client of one meeting, carrying this person's session. */
  sync(meetingId: string, doc = new Y.Doc(), headers: Record<string, string> = {}) {
    const wsUrl = `${this.baseUrl.replace(/^http/, 'ws')}/sync`
    return connectClient(wsUrl, meetingId, doc, undefined, {
      ...(this.cookie ? { cookie: this.cookie } : {}),
      ...headers,
    })
  }
}

export const PASSWORD = 'correct horse battery staple'

export interface SeededCoalition {
  coalitionId: string
  organisations: { alc: string; fpct: string; cnn: string }
  meetingId: string
  chair: AccordClient
  secretariat: AccordClient
  member: AccordClient
  observer: AccordClient
  /** Signed in, but a member of another coalition only. */
  outsider: AccordClient
  ids: Record<'chair' | 'secretariat' | 'member' | 'observer' | 'outsider', string>
}

/**
 * A coalition with one person in each role, three organisations and one meeting, built
 * through the public API exactly as people would: the chair signs up and creates it, and
 * everyone else joins through an invite link.
 */
export async function seedCoalition(baseUrl: string): Promise<SeededCoalition> {
  const chair = new AccordClient(baseUrl)
  const ids = {} as SeededCoalition['ids']
  ids.chair = (await chair.signUp('Owen')).id
  const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
    name: 'Northshire Care Coalition',
    organisation: {
      name: 'Association of Local Councils',
      shortName: 'ALC',
      aliases: ["the councils' association"],
    },
  })
  const coalitionId: string = membership.coalition.id
  const alc: string = membership.organisation.id
  const addOrganisation = async (name: string, shortName: string) =>
    (
      await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/organisations`, {
        name,
        shortName,
      })
    ).organisation.id as string
  const fpct = await addOrganisation('Fair Pay for Care Trust', 'FPCT')
  const cnn = await addOrganisation('Carers Network Northshire', 'CNN')

  const join = async (name: string, organisationId: string, role: Role) => {
    const { path } = await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/invites`, {
      organisationId,
      role,
    })
    const person = new AccordClient(baseUrl)
    const { id } = await person.signUp(name)
    await person.expect(200, 'POST', `/api/invites/${path.split('/').pop()}/accept`)
    return { person, id }
  }
  const secretariat = await join('Grace', fpct, 'secretariat')
  const member = await join('Tom', cnn, 'member')
  const observer = await join('Hannah', cnn, 'observer')

  const outsider = new AccordClient(baseUrl)
  ids.outsider = (await outsider.signUp('Mallory')).id
  await outsider.expect(201, 'POST', '/api/coalitions', {
    name: 'Another Coalition',
    organisation: { name: 'Elsewhere Trust', shortName: 'ET' },
  })

  const { meeting } = await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/meetings`, {
    title: 'Fortnightly call',
    date: '2025-03-04',
  })
  ids.secretariat = secretariat.id
  ids.member = member.id
  ids.observer = observer.id
  return {
    coalitionId,
    organisations: { alc, fpct, cnn },
    meetingId: meeting.id,
    chair,
    secretariat: secretariat.person,
    member: member.person,
    observer: observer.person,
    outsider,
    ids,
  }
}
export { tableHashes } from './table-hashes.ts'
