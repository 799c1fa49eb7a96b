/**
 * Who may do what, over real HTTP against a real server: every API route against every kind of
 * caller. A refusal must also leave everything as it was, so each refused cell compares the whole
 * database, and what the route would have changed, before and after.
 */
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@accord/coalition'
import { minutesToUpdate } from '@accord/minutes/import'
import type { Ledger } from '@accord/minutes/ledger'
import * as Y from 'yjs'
import { loadConfig } from './config.ts'
import { startServer, type RunningServer } from './server.ts'
import {
  AccordClient,
  seedCoalition,
  type ApiAnswer,
  type SeededCoalition,
} from './testing/accord-client.ts'
import { expectErrorShape } from './testing/expect-error.ts'
import { tableHashes } from './testing/table-hashes.ts'
import { until } from './testing/until.ts'

type Actor = Role | 'outsider' | 'signedOut'
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
type Fixture = Record<string, string>
/** A JSON answer: its shape is what the assertions check. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Answer = ApiAnswer<any>

const ACTORS: readonly Actor[] = [
  'chair',
  'secretariat',
  'member',
  'observer',
  'outsider',
  'signedOut',
]
const LABEL: Record<Actor, string> = {
  chair: 'chair',
  secretariat: 'secretariat',
  member: 'member',
  observer: 'observer',
  outsider: 'outsider',
  signedOut: 'signed out',
}
const ERROR_CODE: Record<number, string> = {
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
}

let server: RunningServer
let dataDir: string
let db: Database.Database
let seed: SeededCoalition
let signedOut: AccordClient
/** The outsider's own coalition, for reaching across coalitions. */
let elsewhere: { coalitionId: string; organisationId: string; meetingId: string; inviteId: string }

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-permissions-'))
  server = await startServer(
    loadConfig({
      PORT: '0',
      DATA_DIR: dataDir,
      RATE_SIGN_UP_PER_ADDRESS: '10000',
      RATE_INVITES_PER_ADDRESS: '10000',
    }),
    pino({ level: 'silent' }),
  )
  db = new Database(path.join(dataDir, 'accord.sqlite'), { readonly: true, fileMustExist: true })
  seed = await seedCoalition(server.url)
  signedOut = new AccordClient(server.url)

  const { memberships } = await seed.outsider.expect(200, 'GET', '/api/me')
  const own = memberships[0]
  const coalitionId: string = own.coalition.id
  const organisationId: string = own.organisation.id
  const { meeting } = await seed.outsider.expect(
    201,
    'POST',
    `/api/coalitions/${coalitionId}/meetings`,
    { title: 'Elsewhere call', date: '2025-05-01' },
  )
  const { invite } = await seed.outsider.expect(
    201,
    'POST',
    `/api/coalitions/${coalitionId}/invites`,
    { organisationId, role: 'member' },
  )
  elsewhere = { coalitionId, organisationId, meetingId: meeting.id, inviteId: invite.id }
})

afterAll(async () => {
  db?.close()
  await server?.close()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

// ---------------------------------------------------------------------------------------------
// Helpers

const clientOf = (actor: Actor): AccordClient => (actor === 'signedOut' ? signedOut : seed[actor])
const cid = () => seed.coalitionId
const madeUpId = () => randomBytes(16).toString('base64url')

let counter = 0
const fresh = (prefix: string) => `${prefix} ${++counter}`

const databaseState = () => tableHashes(db)

/**
 * Approving reads the minutes through their room, and a room first seen is projected ~300 ms
 * later (recorded even when nothing was found): waited for here, so that write does not land in
 * the next cell's refused request.
 */
const firstProjection = (meetingId: string) =>
  until(`meeting ${meetingId} is projected`, () =>
    Promise.resolve(
      db.prepare('SELECT 1 FROM structure_versions WHERE meeting_id = ?').get(meetingId) !==
        undefined,
    ),
  )

// Fresh fixtures, made by the chair, for cells that change or remove something.

async function freshOrganisation(): Promise<string> {
  const { organisation } = await seed.chair.expect(
    201,
    'POST',
    `/api/coalitions/${cid()}/organisations`,
    { name: fresh('Throwaway Trust'), shortName: fresh('TT') },
  )
  return organisation.id
}

async function freshInvite(role: Role = 'member', organisationId = seed.organisations.cnn) {
  const { invite, path: link } = await seed.chair.expect(
    201,
    'POST',
    `/api/coalitions/${cid()}/invites`,
    { organisationId, role },
  )
  return { inviteId: invite.id as string, token: (link as string).split('/').pop()! }
}

async function freshMember(role: Role): Promise<string> {
  const { token } = await freshInvite(role)
  const person = new AccordClient(server.url)
  const { id } = await person.signUp('Throwaway')
  await person.expect(200, 'POST', `/api/invites/${token}/accept`)
  return id
}

async function freshMeeting(): Promise<string> {
  const { meeting } = await seed.chair.expect(201, 'POST', `/api/coalitions/${cid()}/meetings`, {
    title: fresh('Throwaway call'),
    date: '2025-04-01',
  })
  return meeting.id
}

/**
 * A fresh meeting whose minutes hold one action owed by ALC and one agreed ask backed by
 * `supporters`, written as an editor would and projected into the ledger.
 */
async function freshStructuredMeeting(supporters: string[] = []): Promise<Fixture> {
  const id = await freshMeeting()
  const action = randomBytes(8).toString('hex')
  const ask = randomBytes(8).toString('hex')
  const editor = seed.chair.sync(id)
  try {
    await editor.synced()
    const text = (words: string) => [{ type: 'text', text: words }]
    const minutes = {
      type: 'doc',
      content: [
        {
          type: 'actionItem',
          attrs: {
            id: action,
            owners: [seed.organisations.alc],
            status: 'open',
            due: '2025-05-01',
          },
          content: text('ALC will write to the council.'),
        },
        {
          type: 'ask',
          attrs: { id: ask, target: 'HM Treasury', supporters, status: 'agreed' },
          content: text('Fund the pay rise.'),
        },
      ],
    }
    Y.applyUpdate(editor.doc, minutesToUpdate(minutes))
    await editor.saved()
  } finally {
    editor.destroy()
  }
  const deadline = Date.now() + 5000
  while (!(await ledger()).asks.some((a) => a.key === ask)) {
    if (Date.now() > deadline) throw new Error('the fresh minutes never reached the ledger')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
  return { id, action, ask }
}

// What a row could change, as the chair sees it.

const ledger = async () =>
  (await seed.chair.expect(200, 'GET', `/api/coalitions/${cid()}/ledger`)) as Ledger
const actionOf = async (key: string) => (await ledger()).actions.find((a) => a.key === key)
const askOf = async (key: string) => (await ledger()).asks.find((a) => a.key === key)
const feeds = async () =>
  (
    await seed.chair.expect(
      200,
      'GET',
      `/api/coalitions/${cid()}/organisations/${seed.organisations.cnn}/calendar-feeds`,
    )
  ).feeds as unknown[]

const coalitionName = async () =>
  (await seed.chair.expect(200, 'GET', `/api/coalitions/${cid()}`)).coalition.name as string
const organisations = async () =>
  (await seed.chair.expect(200, 'GET', `/api/coalitions/${cid()}/organisations`)).organisations as {
    id: string
    name: string
    shortName: string
  }[]
const members = async () =>
  (await seed.chair.expect(200, 'GET', `/api/coalitions/${cid()}/members`)).members as {
    personId: string
    role: Role
    organisationId: string
    email?: string
  }[]
const memberOf = async (personId: string) =>
  (await members()).find((m) => m.personId === personId) ?? null
const invites = async () =>
  (await seed.chair.expect(200, 'GET', `/api/coalitions/${cid()}/invites`)).invites as {
    id: string
    uses: number
    status: string
  }[]
const meetingsList = async () =>
  (await seed.chair.expect(200, 'GET', `/api/coalitions/${cid()}/meetings`)).meetings as {
    id: string
  }[]
const meeting = async (id: string) =>
  (await seed.chair.expect(200, 'GET', `/api/meetings/${id}`)).meeting as {
    id: string
    status: string
    title: string
    date: string
    coalitionId: string
    attendance: string[]
  }

// ---------------------------------------------------------------------------------------------
// The matrix

type Expected = Record<Actor, number>

const read: Expected = {
  chair: 200,
  secretariat: 200,
  member: 200,
  observer: 200,
  outsider: 404,
  signedOut: 401,
}
const manage = (ok: number): Expected => ({
  chair: ok,
  secretariat: ok,
  member: 403,
  observer: 403,
  outsider: 404,
  signedOut: 401,
})
/** Those who may type in the minutes; observers only read them. */
const edit = (ok: number): Expected => ({
  chair: ok,
  secretariat: ok,
  member: ok,
  observer: 403,
  outsider: 404,
  signedOut: 401,
})
const chairOnly = (ok: number): Expected => ({
  chair: ok,
  secretariat: 403,
  member: 403,
  observer: 403,
  outsider: 404,
  signedOut: 401,
})
const signedIn = (ok: number): Expected => ({
  chair: ok,
  secretariat: ok,
  member: ok,
  observer: ok,
  outsider: ok,
  signedOut: 401,
})

interface Row {
  method: Method
  route: string
  variant?: string
  expected: Expected
  /** Error codes other than the usual one for the status. */
  codes?: Partial<Record<Actor, string>>
  /** Which id in the path makes the outsider's request "the other coalition's". */
  scope?: 'coalition' | 'meeting'
  setup?: () => Promise<Fixture>
  path: (f: Fixture) => string
  body?: (f: Fixture) => unknown
  /** What the request could change: the same after a refusal, different after success. */
  observe?: (f: Fixture) => Promise<unknown>
  /** More checks of an allowed request. */
  check?: (answer: Answer, f: Fixture, actor: Actor) => Promise<void> | void
  /** Undoes what an allowed request did to the shared coalition, whatever the outcome. */
  cleanup?: (f: Fixture, actor: Actor) => Promise<void>
}

const rows: Row[] = [
  {
    method: 'GET',
    route: '/api/me',
    expected: signedIn(200),
    path: () => '/api/me',
    check: (answer, _f, actor) => {
      expect(answer.body.person.id).toBe(seed.ids[actor as keyof SeededCoalition['ids']])
      const here = answer.body.memberships.find(
        (m: { coalition: { id: string } }) => m.coalition.id === cid(),
      )
      if (actor === 'outsider') expect(here).toBeUndefined()
      else expect(here?.role).toBe(actor)
    },
  },
  {
    method: 'POST',
    route: '/api/coalitions',
    expected: signedIn(201),
    path: () => '/api/coalitions',
    body: () => ({
      name: fresh('Side coalition'),
      organisation: { name: 'Side Trust', shortName: 'ST' },
    }),
    check: async (answer, _f, actor) => {
      expect(answer.body.membership.role).toBe('chair')
      const id = answer.body.membership.coalition.id
      expect(id).not.toBe(cid())
      await clientOf(actor).expect(200, 'GET', `/api/coalitions/${id}`)
    },
  },
  {
    method: 'GET',
    route: '/api/coalitions/:cid',
    expected: read,
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}`,
    check: (answer, _f, actor) => {
      expect(answer.body.coalition.id).toBe(cid())
      expect(answer.body.membership.role).toBe(actor)
      expect(answer.body.organisations).toHaveLength(3)
    },
  },
  {
    method: 'PATCH',
    route: '/api/coalitions/:cid',
    variant: 'rename',
    expected: chairOnly(200),
    scope: 'coalition',
    setup: async () => ({ name: fresh('Renamed coalition') }),
    path: () => `/api/coalitions/${cid()}`,
    body: (f) => ({ name: f.name }),
    observe: coalitionName,
    check: async (answer, f) => {
      expect(answer.body.coalition).toEqual({ id: cid(), name: f.name })
      expect(await coalitionName()).toBe(f.name)
    },
  },
  {
    method: 'GET',
    route: '/api/coalitions/:cid/organisations',
    expected: read,
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/organisations`,
    check: (answer) => {
      const ids = answer.body.organisations.map((o: { id: string }) => o.id)
      expect(ids).toEqual(expect.arrayContaining(Object.values(seed.organisations)))
    },
  },
  {
    method: 'POST',
    route: '/api/coalitions/:cid/organisations',
    expected: manage(201),
    scope: 'coalition',
    setup: async () => ({ name: fresh('New Trust'), shortName: fresh('NT') }),
    path: () => `/api/coalitions/${cid()}/organisations`,
    body: (f) => ({ name: f.name, shortName: f.shortName }),
    observe: async (f) => (await organisations()).some((o) => o.name === f.name),
    check: (answer, f) => expect(answer.body.organisation.name).toBe(f.name),
  },
  {
    method: 'PATCH',
    route: '/api/coalitions/:cid/organisations/:oid',
    expected: manage(200),
    scope: 'coalition',
    setup: async () => ({ oid: await freshOrganisation(), name: fresh('Renamed Trust') }),
    path: (f) => `/api/coalitions/${cid()}/organisations/${f.oid}`,
    body: (f) => ({ name: f.name }),
    observe: async (f) => (await organisations()).find((o) => o.id === f.oid),
    check: (answer, f) =>
      expect(answer.body.organisation).toMatchObject({ id: f.oid, name: f.name }),
  },
  {
    method: 'DELETE',
    route: '/api/coalitions/:cid/organisations/:oid',
    expected: manage(204),
    scope: 'coalition',
    setup: async () => ({ oid: await freshOrganisation() }),
    path: (f) => `/api/coalitions/${cid()}/organisations/${f.oid}`,
    observe: async (f) => (await organisations()).some((o) => o.id === f.oid),
  },
  {
    method: 'GET',
    route: '/api/coalitions/:cid/members',
    expected: read,
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/members`,
    check: (answer, _f, actor) => {
      const list = answer.body.members as { personId: string; email?: string }[]
      expect(list.map((m) => m.personId)).toEqual(
        expect.arrayContaining([
          seed.ids.chair,
          seed.ids.secretariat,
          seed.ids.member,
          seed.ids.observer,
        ]),
      )
      const managing = actor === 'chair' || actor === 'secretariat'
      for (const m of list) {
        if (managing) expect(m.email).toMatch(/@/)
        else expect(m).not.toHaveProperty('email')
      }
    },
  },
  {
    method: 'PATCH',
    route: '/api/coalitions/:cid/members/:pid',
    variant: 'a member’s role and organisation',
    expected: manage(200),
    scope: 'coalition',
    setup: async () => ({ pid: await freshMember('member') }),
    path: (f) => `/api/coalitions/${cid()}/members/${f.pid}`,
    body: () => ({ role: 'observer', organisationId: seed.organisations.fpct }),
    observe: (f) => memberOf(f.pid!),
    check: (answer, f) =>
      expect(answer.body.member).toMatchObject({
        personId: f.pid,
        role: 'observer',
        organisationId: seed.organisations.fpct,
      }),
  },
  {
    method: 'PATCH',
    route: '/api/coalitions/:cid/members/:pid',
    variant: 'give the chair role',
    expected: chairOnly(200),
    scope: 'coalition',
    setup: async () => ({ pid: await freshMember('member') }),
    path: (f) => `/api/coalitions/${cid()}/members/${f.pid}`,
    body: () => ({ role: 'chair' }),
    observe: (f) => memberOf(f.pid!),
    check: (answer) => expect(answer.body.member.role).toBe('chair'),
  },
  {
    method: 'PATCH',
    route: '/api/coalitions/:cid/members/:pid',
    variant: 'take the chair role',
    expected: chairOnly(200),
    scope: 'coalition',
    setup: async () => ({ pid: await freshMember('chair') }),
    path: (f) => `/api/coalitions/${cid()}/members/${f.pid}`,
    body: () => ({ role: 'member' }),
    observe: (f) => memberOf(f.pid!),
    check: (answer) => expect(answer.body.member.role).toBe('member'),
  },
  {
    method: 'DELETE',
    route: '/api/coalitions/:cid/members/:pid',
    variant: 'remove a member',
    expected: manage(204),
    scope: 'coalition',
    setup: async () => ({ pid: await freshMember('member') }),
    path: (f) => `/api/coalitions/${cid()}/members/${f.pid}`,
    observe: (f) => memberOf(f.pid!),
  },
  {
    method: 'DELETE',
    route: '/api/coalitions/:cid/members/:pid',
    variant: 'remove a chair',
    expected: chairOnly(204),
    scope: 'coalition',
    setup: async () => ({ pid: await freshMember('chair') }),
    path: (f) => `/api/coalitions/${cid()}/members/${f.pid}`,
    observe: (f) => memberOf(f.pid!),
  },
  {
    method: 'GET',
    route: '/api/coalitions/:cid/invites',
    expected: manage(200),
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/invites`,
    check: (answer) => expect(answer.body.invites.length).toBeGreaterThanOrEqual(3),
  },
  {
    method: 'POST',
    route: '/api/coalitions/:cid/invites',
    variant: 'invite a member',
    expected: manage(201),
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/invites`,
    body: () => ({ organisationId: seed.organisations.cnn, role: 'member' }),
    observe: async () => (await invites()).length,
    check: (answer) => {
      expect(answer.body.path).toMatch(/^\/invite\/[A-Za-z0-9_-]{43}$/)
      expect(answer.body.invite).toMatchObject({ role: 'member', uses: 0, status: 'active' })
    },
  },
  {
    method: 'POST',
    route: '/api/coalitions/:cid/invites',
    variant: 'invite a chair',
    expected: chairOnly(201),
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/invites`,
    body: () => ({ organisationId: seed.organisations.cnn, role: 'chair' }),
    observe: async () => (await invites()).length,
    check: (answer) => expect(answer.body.invite.role).toBe('chair'),
  },
  {
    method: 'DELETE',
    route: '/api/coalitions/:cid/invites/:iid',
    expected: manage(204),
    scope: 'coalition',
    setup: () => freshInvite(),
    path: (f) => `/api/coalitions/${cid()}/invites/${f.inviteId}`,
    observe: async (f) => (await invites()).find((i) => i.id === f.inviteId)?.status,
    check: async (_answer, f) => {
      const preview = await signedOut.request('GET', `/api/invites/${f.token}`)
      expectErrorShape(preview, 410, 'invite_revoked')
    },
  },
  {
    method: 'GET',
    route: '/api/coalitions/:cid/meetings',
    expected: read,
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/meetings`,
    check: (answer) =>
      expect(answer.body.meetings.map((m: { id: string }) => m.id)).toContain(seed.meetingId),
  },
  {
    method: 'POST',
    route: '/api/coalitions/:cid/meetings',
    expected: manage(201),
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/meetings`,
    body: () => ({ title: 'Extra call', date: '2025-06-01' }),
    observe: async () => (await meetingsList()).length,
    check: (answer) =>
      expect(answer.body.meeting).toMatchObject({ coalitionId: cid(), title: 'Extra call' }),
  },
  {
    method: 'GET',
    route: '/api/meetings/:id',
    expected: read,
    scope: 'meeting',
    path: () => `/api/meetings/${seed.meetingId}`,
    check: (answer) =>
      expect(answer.body.meeting).toMatchObject({ id: seed.meetingId, coalitionId: cid() }),
  },
  {
    method: 'PATCH',
    route: '/api/meetings/:id',
    expected: manage(200),
    scope: 'meeting',
    setup: async () => ({ id: await freshMeeting(), title: fresh('Retitled call') }),
    path: (f) => `/api/meetings/${f.id}`,
    body: (f) => ({ title: f.title, date: '2025-04-02' }),
    observe: (f) => meeting(f.id!),
    check: (answer, f) =>
      expect(answer.body.meeting).toMatchObject({ title: f.title, date: '2025-04-02' }),
  },
  {
    method: 'PUT',
    route: '/api/meetings/:id/attendance',
    expected: manage(200),
    scope: 'meeting',
    setup: async () => ({ id: await freshMeeting() }),
    path: (f) => `/api/meetings/${f.id}/attendance`,
    body: () => ({ organisationIds: [seed.organisations.alc, seed.organisations.fpct] }),
    observe: async (f) => (await meeting(f.id!)).attendance,
    check: (answer) =>
      expect([...answer.body.meeting.attendance].sort()).toEqual(
        [seed.organisations.alc, seed.organisations.fpct].sort(),
      ),
  },
  {
    method: 'GET',
    route: '/api/meetings/:id/minutes',
    expected: read,
    scope: 'meeting',
    path: () => `/api/meetings/${seed.meetingId}/minutes`,
    check: (answer) => expect(answer.body).toHaveProperty('minutes'),
  },
  {
    method: 'GET',
    route: '/api/coalitions/:cid/ledger',
    expected: read,
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/ledger`,
    check: (answer) => expect(answer.body.coalition.id).toBe(cid()),
  },
  {
    method: 'PATCH',
    route: '/api/coalitions/:cid/actions/:key',
    expected: edit(200),
    scope: 'coalition',
    setup: () => freshStructuredMeeting(),
    path: (f) => `/api/coalitions/${cid()}/actions/${f.action}`,
    body: () => ({ status: 'done' }),
    observe: async (f) => (await actionOf(f.action!))?.status,
    check: (answer) => expect(answer.body.action.status).toBe('done'),
  },
  {
    method: 'PATCH',
    route: '/api/coalitions/:cid/asks/:key',
    expected: manage(200),
    scope: 'coalition',
    setup: () => freshStructuredMeeting(),
    path: (f) => `/api/coalitions/${cid()}/asks/${f.ask}`,
    body: () => ({ status: 'sent' }),
    observe: async (f) => (await askOf(f.ask!))?.status,
    check: (answer) => expect(answer.body.ask.status).toBe('sent'),
  },
  {
    method: 'POST',
    route: '/api/coalitions/:cid/asks/:key/endorsement',
    expected: edit(200),
    scope: 'coalition',
    setup: () => freshStructuredMeeting(),
    path: (f) => `/api/coalitions/${cid()}/asks/${f.ask}/endorsement`,
    observe: async (f) => (await askOf(f.ask!))?.supporters,
    check: (answer) => expect(answer.body.ask.supporters).toHaveLength(1),
  },
  {
    method: 'DELETE',
    route: '/api/coalitions/:cid/asks/:key/endorsement',
    expected: edit(200),
    scope: 'coalition',
    setup: () => freshStructuredMeeting(Object.values(seed.organisations)),
    path: (f) => `/api/coalitions/${cid()}/asks/${f.ask}/endorsement`,
    observe: async (f) => (await askOf(f.ask!))?.supporters,
    check: (answer) => expect(answer.body.ask.supporters).toHaveLength(2),
  },
  {
    method: 'GET',
    route: '/api/coalitions/:cid/organisations/:oid/commitments.csv',
    expected: read,
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/organisations/${seed.organisations.alc}/commitments.csv`,
    check: (answer) => expect(answer.body).toContain('Action,Status,Due'),
  },
  {
    method: 'POST',
    route: '/api/coalitions/:cid/organisations/:oid/calendar-feeds',
    variant: "an organisation's own people and the secretariat",
    expected: { ...edit(201), observer: 201 },
    scope: 'coalition',
    path: () => `/api/coalitions/${cid()}/organisations/${seed.organisations.cnn}/calendar-feeds`,
    observe: feeds,
    check: (answer) => expect(answer.body.url).toMatch(/\/calendar\/[A-Za-z0-9_-]+\.ics$/),
  },
  {
    method: 'GET',
    route: '/api/coalitions/:cid/asks/letter.md',
    expected: read,
    scope: 'coalition',
    setup: () => freshStructuredMeeting([seed.organisations.fpct]),
    path: () => `/api/coalitions/${cid()}/asks/letter.md`,
    check: (answer) => expect(answer.body).toContain('Fund the pay rise.'),
  },
  {
    method: 'POST',
    route: '/api/meetings/:id/approve',
    expected: chairOnly(200),
    scope: 'meeting',
    setup: async () => ({ id: await freshMeeting() }),
    path: (f) => `/api/meetings/${f.id}/approve`,
    observe: async (f) => (await meeting(f.id!)).status,
    check: async (answer, f) => {
      expect(answer.body.meeting.status).toBe('approved')
      await firstProjection(f.id!)
    },
  },
  {
    method: 'POST',
    route: '/api/meetings/:id/reopen',
    expected: chairOnly(200),
    scope: 'meeting',
    setup: async () => {
      const id = await freshMeeting()
      await seed.chair.expect(200, 'POST', `/api/meetings/${id}/approve`)
      await firstProjection(id)
      return { id }
    },
    path: (f) => `/api/meetings/${f.id}/reopen`,
    observe: async (f) => (await meeting(f.id!)).status,
    check: (answer) => expect(answer.body.meeting.status).toBe('draft'),
  },
  {
    method: 'GET',
    route: '/api/meetings/:id/versions',
    expected: read,
    scope: 'meeting',
    path: () => `/api/meetings/${seed.meetingId}/versions`,
    check: (answer) => expect(answer.body.versions).toEqual([]),
  },
  {
    method: 'POST',
    route: '/api/meetings/:id/next',
    expected: manage(201),
    scope: 'meeting',
    path: () => `/api/meetings/${seed.meetingId}/next`,
    body: () => ({ title: fresh('Next call'), date: '2025-03-18' }),
    observe: async () => (await meetingsList()).length,
    check: (answer) => expect(answer.body.meeting.coalitionId).toBe(cid()),
  },
  {
    method: 'GET',
    route: '/api/meetings/:id/export.md',
    expected: read,
    scope: 'meeting',
    path: () => `/api/meetings/${seed.meetingId}/export.md`,
    check: (answer) => expect(answer.body).toContain('Fortnightly call'),
  },
  {
    method: 'POST',
    route: '/api/demo',
    expected: signedIn(201),
    path: () => '/api/demo',
    check: async (answer, _f, actor) => {
      expect(answer.body.membership.role).toBe('chair')
      const id = answer.body.membership.coalition.id
      expect(id).not.toBe(cid())
      const { meetings } = await clientOf(actor).expect(
        200,
        'GET',
        `/api/coalitions/${id}/meetings`,
      )
      expect(meetings.length).toBeGreaterThan(0)
    },
  },
  {
    method: 'GET',
    route: '/api/invites/:token',
    variant: 'public preview',
    expected: { ...signedIn(200), signedOut: 200 },
    setup: () => freshInvite('observer'),
    path: (f) => `/api/invites/${f.token}`,
    check: async (answer) =>
      expect(answer.body.invite).toMatchObject({
        coalitionName: await coalitionName(),
        organisationName: 'Carers Network Northshire',
        role: 'observer',
      }),
  },
  {
    method: 'POST',
    route: '/api/invites/:token/accept',
    expected: {
      chair: 409,
      secretariat: 409,
      member: 409,
      observer: 409,
      outsider: 200,
      signedOut: 401,
    },
    codes: {
      chair: 'already_member',
      secretariat: 'already_member',
      member: 'already_member',
      observer: 'already_member',
    },
    setup: () => freshInvite('observer'),
    path: (f) => `/api/invites/${f.token}/accept`,
    observe: async (f) => ({
      invite: (await invites()).find((i) => i.id === f.inviteId),
      members: await members(),
    }),
    check: async (answer) => {
      expect(answer.body.membership).toMatchObject({
        coalition: { id: cid() },
        organisation: { id: seed.organisations.cnn },
        role: 'observer',
      })
      expect((await memberOf(seed.ids.outsider))?.role).toBe('observer')
    },
    // The outsider joined the shared coalition: they must be an outsider again for other cells.
    cleanup: async (_f, actor) => {
      if (actor !== 'outsider') return
      await seed.chair.request('DELETE', `/api/coalitions/${cid()}/members/${seed.ids.outsider}`)
      expect(await memberOf(seed.ids.outsider)).toBeNull()
    },
  },
]

function rowName(row: Row) {
  return `${row.method} ${row.route}${row.variant ? ` (${row.variant})` : ''}`
}

async function runCell(row: Row, actor: Actor) {
  const status = row.expected[actor]
  const refused = status >= 400
  const f = row.setup ? await row.setup() : {}
  const url = row.path(f)
  const body = row.body?.(f)
  const before = row.observe ? await row.observe(f) : undefined
  const stateBefore = refused ? databaseState() : undefined
  try {
    const answer = await clientOf(actor).request(row.method, url, body)
    if (refused) {
      expectErrorShape(answer, status, row.codes?.[actor] ?? ERROR_CODE[status]!)
      expect(databaseState()).toEqual(stateBefore)
      if (row.observe) expect(await row.observe(f)).toEqual(before)
      if (actor === 'outsider') {
        // No existence leak: the other coalition's real thing answers as a made-up id does.
        expect(row.scope, 'an outsider 404 row needs a scope').toBeDefined()
        const realId = row.scope === 'meeting' ? url.split('/')[3]! : cid()
        const fakeId = madeUpId()
        const madeUp = await clientOf(actor).request(
          row.method,
          url.replaceAll(realId, fakeId),
          body,
        )
        expect(madeUp.status).toBe(answer.status)
        expect(madeUp.body.error.code).toBe(answer.body.error.code)
        expect(madeUp.body.error.message.replaceAll(fakeId, realId)).toBe(answer.body.error.message)
      }
    } else {
      expect(answer.status, JSON.stringify(answer.body)).toBe(status)
      if (row.observe) expect(await row.observe(f)).not.toEqual(before)
      await row.check?.(answer, f, actor)
    }
  } finally {
    await row.cleanup?.(f, actor)
  }
}

describe('the permission matrix', () => {
  describe.each(rows.map((row) => [rowName(row), row] as const))('%s', (_name, row) => {
    it.each(
      ACTORS.map(
        (actor) => [`${LABEL[actor]} ${rowName(row)} → ${row.expected[actor]}`, actor] as const,
      ),
    )('%s', (_cell, actor) => runCell(row, actor))
  })

  it('covers every role for every row', () => {
    for (const row of rows) expect(Object.keys(row.expected).sort()).toEqual([...ACTORS].sort())
  })
})

// ---------------------------------------------------------------------------------------------

describe('a coalition keeps a chair', () => {
  it('refuses the only chair stepping down or leaving with 409 last_chair, and changes nothing', async () => {
    const chair = new AccordClient(server.url)
    const { id } = await chair.signUp('Solo')
    const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
      name: 'Solo coalition',
      organisation: { name: 'Solo Trust', shortName: 'SOLO' },
    })
    const coalition = membership.coalition.id
    const { organisation } = await chair.expect(
      201,
      'POST',
      `/api/coalitions/${coalition}/organisations`,
      { name: 'Second Trust', shortName: 'TWO' },
    )
    const before = databaseState()

    for (const patch of [
      { role: 'member' },
      { role: 'secretariat', organisationId: organisation.id },
    ]) {
      const answer = await chair.request(
        'PATCH',
        `/api/coalitions/${coalition}/members/${id}`,
        patch,
      )
      expectErrorShape(answer, 409, 'last_chair')
    }
    const leave = await chair.request('DELETE', `/api/coalitions/${coalition}/members/${id}`)
    expectErrorShape(leave, 409, 'last_chair')

    expect(databaseState()).toEqual(before)
    const { members: list } = await chair.expect(200, 'GET', `/api/coalitions/${coalition}/members`)
    expect(list).toEqual([
      expect.objectContaining({
        personId: id,
        role: 'chair',
        organisationId: membership.organisation.id,
      }),
    ])

    // With a second chair the first may step down: the 409 is about being the last one.
    const { path: link } = await chair.expect(201, 'POST', `/api/coalitions/${coalition}/invites`, {
      organisationId: organisation.id,
      role: 'chair',
    })
    const second = new AccordClient(server.url)
    await second.signUp('Second')
    await second.expect(200, 'POST', `/api/invites/${link.split('/').pop()}/accept`)
    const stepped = await chair.expect(200, 'PATCH', `/api/coalitions/${coalition}/members/${id}`, {
      role: 'member',
    })
    expect(stepped.member.role).toBe('member')
  })
})

describe('leaving', () => {
  it.each(['member', 'observer'] as const)(
    'a %s may remove themselves, and then the coalition is gone for them',
    async (role) => {
      const { token } = await freshInvite(role)
      const person = new AccordClient(server.url)
      const { id } = await person.signUp('Leaver')
      await person.expect(200, 'POST', `/api/invites/${token}/accept`)
      await person.expect(204, 'DELETE', `/api/coalitions/${cid()}/members/${id}`)
      expect(await memberOf(id)).toBeNull()
      const after = await person.request('GET', `/api/coalitions/${cid()}`)
      expectErrorShape(after, 404, 'not_found')
    },
  )
})

describe('the members list', () => {
  it.each(['chair', 'secretariat', 'member', 'observer'] as const)(
    'as %s shows emails only to chair and secretariat',
    async (role) => {
      const { person } = await seed.chair.expect(200, 'GET', '/api/me')
      const { members: list } = await seed[role].expect(
        200,
        'GET',
        `/api/coalitions/${cid()}/members`,
      )
      const chairEntry = list.find((m: { personId: string }) => m.personId === seed.ids.chair)
      expect(chairEntry).toMatchObject({ name: 'Owen', role: 'chair' })
      if (role === 'chair' || role === 'secretariat') {
        expect(chairEntry.email).toBe(person.email)
        for (const m of list) expect(m.email).toMatch(/^[^@\s]+@[^@\s]+$/)
      } else {
        for (const m of list) expect(Object.keys(m)).not.toContain('email')
        expect(JSON.stringify(list)).not.toContain(person.email)
      }
    },
  )
})

describe('invalid bodies', () => {
  type Case = {
    name: string
    actor: Actor
    method: Method
    path: () => string
    body: () => unknown
    field: string
    code?: string
  }
  const cases: Case[] = [
    {
      name: 'sign-up with a bad email',
      actor: 'signedOut',
      method: 'POST',
      path: () => '/api/auth/sign-up',
      body: () => ({ email: 'not-an-email', name: 'Nobody', password: 'long enough password' }),
      field: 'email',
    },
    {
      name: 'sign-up with a short password',
      actor: 'signedOut',
      method: 'POST',
      path: () => '/api/auth/sign-up',
      body: () => ({ email: 'short@example.org', name: 'Shorty', password: 'short' }),
      field: 'password',
    },
    {
      name: 'attendance with an unknown organisationId',
      actor: 'chair',
      method: 'PUT',
      path: () => `/api/meetings/${seed.meetingId}/attendance`,
      body: () => ({ organisationIds: ['made-up-organisation'] }),
      field: 'organisationIds',
    },
    {
      name: 'attendance with another coalition’s organisation',
      actor: 'secretariat',
      method: 'PUT',
      path: () => `/api/meetings/${seed.meetingId}/attendance`,
      body: () => ({ organisationIds: [seed.organisations.alc, elsewhere.organisationId] }),
      field: 'organisationIds',
    },
    {
      name: 'an invite with an unknown organisationId',
      actor: 'chair',
      method: 'POST',
      path: () => `/api/coalitions/${cid()}/invites`,
      body: () => ({ organisationId: 'made-up-organisation', role: 'member' }),
      field: 'organisationId',
    },
    {
      name: 'an invite with another coalition’s organisation',
      actor: 'secretariat',
      method: 'POST',
      path: () => `/api/coalitions/${cid()}/invites`,
      body: () => ({ organisationId: elsewhere.organisationId, role: 'member' }),
      field: 'organisationId',
    },
    {
      name: 'an invite with a bad role',
      actor: 'chair',
      method: 'POST',
      path: () => `/api/coalitions/${cid()}/invites`,
      body: () => ({ organisationId: seed.organisations.cnn, role: 'president' }),
      field: 'role',
    },
    {
      name: 'an invite with maxUses 0',
      actor: 'chair',
      method: 'POST',
      path: () => `/api/coalitions/${cid()}/invites`,
      body: () => ({ organisationId: seed.organisations.cnn, role: 'member', maxUses: 0 }),
      field: 'maxUses',
    },
    {
      name: 'a member change with a bad role',
      actor: 'chair',
      method: 'PATCH',
      path: () => `/api/coalitions/${cid()}/members/${seed.ids.member}`,
      body: () => ({ role: 'admin' }),
      field: 'role',
    },
    {
      name: 'a member moved to another coalition’s organisation',
      actor: 'chair',
      method: 'PATCH',
      path: () => `/api/coalitions/${cid()}/members/${seed.ids.member}`,
      body: () => ({ organisationId: elsewhere.organisationId }),
      field: 'organisationId',
    },
    {
      name: 'an organisation with a too long shortName',
      actor: 'secretariat',
      method: 'POST',
      path: () => `/api/coalitions/${cid()}/organisations`,
      body: () => ({ name: 'Long Short Name Trust', shortName: 'X'.repeat(17) }),
      field: 'shortName',
    },
    {
      name: 'a meeting with an impossible date',
      actor: 'chair',
      method: 'POST',
      path: () => `/api/coalitions/${cid()}/meetings`,
      body: () => ({ title: 'Call', date: '2025-02-30' }),
      field: 'date',
    },
    {
      name: 'a body that is not JSON',
      actor: 'chair',
      method: 'PATCH',
      path: () => `/api/coalitions/${cid()}`,
      body: () => undefined,
      field: 'JSON',
      code: 'invalid_json',
    },
  ]

  it.each(cases.map((c) => [c.name, c] as const))(
    '%s → 400 in the error shape, nothing changed',
    async (_name, c) => {
      const before = databaseState()
      const answer = await clientOf(c.actor).request(c.method, c.path(), c.body())
      expectErrorShape(answer, 400, c.code ?? 'invalid_request')
      expect(answer.body.error.message).toContain(c.field)
      expect(databaseState()).toEqual(before)
    },
  )
})

describe('another coalition’s things, reached through your own coalition', () => {
  type Case = {
    name: string
    method: Method
    path: (id: string) => string
    id: () => string
    body?: unknown
  }
  const cases: Case[] = [
    {
      name: 'PATCH its organisation',
      method: 'PATCH',
      path: (id) => `/api/coalitions/${cid()}/organisations/${id}`,
      id: () => elsewhere.organisationId,
      body: { name: 'Hijacked' },
    },
    {
      name: 'DELETE its organisation',
      method: 'DELETE',
      path: (id) => `/api/coalitions/${cid()}/organisations/${id}`,
      id: () => elsewhere.organisationId,
    },
    {
      name: 'PATCH its chair',
      method: 'PATCH',
      path: (id) => `/api/coalitions/${cid()}/members/${id}`,
      id: () => seed.ids.outsider,
      body: { role: 'member' },
    },
    {
      name: 'DELETE its chair',
      method: 'DELETE',
      path: (id) => `/api/coalitions/${cid()}/members/${id}`,
      id: () => seed.ids.outsider,
    },
    {
      name: 'DELETE its invite',
      method: 'DELETE',
      path: (id) => `/api/coalitions/${cid()}/invites/${id}`,
      id: () => elsewhere.inviteId,
    },
  ]

  it.each(cases.map((c) => [c.name, c] as const))(
    'the chair may not %s: 404 exactly as for a made-up id, nothing changed',
    async (_name, c) => {
      const before = databaseState()
      const real = await seed.chair.request(c.method, c.path(c.id()), c.body)
      const madeUp = await seed.chair.request(c.method, c.path(madeUpId()), c.body)
      expectErrorShape(real, 404, 'not_found')
      expect(real.body).toEqual(madeUp.body)
      expect(databaseState()).toEqual(before)
    },
  )
})
