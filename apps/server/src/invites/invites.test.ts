/**
 * Invite links over real HTTP against a real server: how often each works, when it stops
 * working, what the holder sees and what joining gives them.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import Database from 'better-sqlite3'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '@accord/coalition'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { SqliteStorage } from '../storage/sqlite/storage.ts'
import { AccordClient } from '../testing/accord-client.ts'
import { expectErrorShape } from '../testing/expect-error.ts'

interface Invite {
  id: string
  organisationId: string
  role: Role
  maxUses: number | null
  uses: number
  expiresAt: string
  status: string
}

let server: RunningServer
let dataDir: string
let chair: AccordClient
let coalitionId: string
let coalitionName: string
let organisations: { alc: string; fpct: string }

async function startWith(env: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-invites-'))
  const running = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dir, ...env }),
    pino({ level: 'silent' }),
  )
  return { running, dir }
}

beforeAll(async () => {
  const started = await startWith({
    RATE_INVITES_PER_ADDRESS: '10000',
    RATE_SIGN_UP_PER_ADDRESS: '10000',
  })
  server = started.running
  dataDir = started.dir
  chair = new AccordClient(server.url)
  await chair.signUp('Owen')
  coalitionName = 'Northshire Care Coalition'
  const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
    name: coalitionName,
    organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
  })
  coalitionId = membership.coalition.id
  const { organisation } = await chair.expect(
    201,
    'POST',
    `/api/coalitions/${coalitionId}/organisations`,
    { name: 'Fair Pay for Care Trust', shortName: 'FPCT' },
  )
  organisations = { alc: membership.organisation.id, fpct: organisation.id }
})

afterAll(async () => {
  await server?.close()
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

async function createInvite(
  settings: { role?: Role; organisationId?: string; maxUses?: number | null } = {},
) {
  const body = {
    organisationId: settings.organisationId ?? organisations.fpct,
    role: settings.role ?? 'member',
    ...('maxUses' in settings ? { maxUses: settings.maxUses } : {}),
  }
  const answer = await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/invites`, body)
  return {
    invite: answer.invite as Invite,
    token: (answer.path as string).replace(/^\/invite\//, ''),
  }
}

async function inviteNow(id: string): Promise<Invite> {
  const { invites } = await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/invites`)
  const invite = (invites as Invite[]).find((i) => i.id === id)
  expect(invite).toBeDefined()
  return invite!
}

async function memberIds(): Promise<string[]> {
  const { members } = await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/members`)
  return (members as { personId: string }[]).map((m) => m.personId)
}

async function person(name = 'Joiner', url = server.url) {
  const client = new AccordClient(url)
  const { id } = await client.signUp(name)
  return { client, id }
}

/** Several people at once: sign-ups run in parallel to spare the scrypt time. */
const people = (count: number) => Promise.all(Array.from({ length: count }, () => person()))

const accept = (client: AccordClient, token: string) =>
  client.request('POST', `/api/invites/${token}/accept`)

function updateInvite(id: string, sql: string, ...params: unknown[]) {
  const db = new Database(path.join(dataDir, 'accord.sqlite'), { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 5000')
    expect(db.prepare(sql).run(...params, id).changes).toBe(1)
  } finally {
    db.close()
  }
}

describe('how often a link works', () => {
  it('a single-use link works once; the second person gets 410 invite_used_up', async () => {
    const { invite, token } = await createInvite()
    expect(invite).toMatchObject({ maxUses: 1, uses: 0, status: 'active' })
    const [first, second] = await people(2)

    expect((await accept(first!.client, token)).status).toBe(200)
    const late = await accept(second!.client, token)
    expectErrorShape(late, 410, 'invite_used_up')

    expect(await inviteNow(invite.id)).toMatchObject({ uses: 1, status: 'used' })
    const members = await memberIds()
    expect(members).toContain(first!.id)
    expect(members).not.toContain(second!.id)
    expectErrorShape(
      await second!.client.request('GET', `/api/coalitions/${coalitionId}`),
      404,
      'not_found',
    )
    expectErrorShape(
      await new AccordClient(server.url).request('GET', `/api/invites/${token}`),
      410,
      'invite_used_up',
    )
  })

  it('a link with maxUses 2 works twice, then 410', async () => {
    const { invite, token } = await createInvite({ maxUses: 2 })
    const [a, b, c] = await people(3)
    expect((await accept(a!.client, token)).status).toBe(200)
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 1, status: 'active' })
    expect((await accept(b!.client, token)).status).toBe(200)
    expectErrorShape(await accept(c!.client, token), 410, 'invite_used_up')
    expect(await inviteNow(invite.id)).toMatchObject({ maxUses: 2, uses: 2, status: 'used' })
    expect(await memberIds()).not.toContain(c!.id)
  })

  it('a link without a limit (maxUses null) works for three people and stays active', async () => {
    const { invite, token } = await createInvite({ maxUses: null })
    expect(invite.maxUses).toBeNull()
    const joiners = await people(3)
    for (const joiner of joiners) expect((await accept(joiner.client, token)).status).toBe(200)
    expect(await inviteNow(invite.id)).toMatchObject({ maxUses: null, uses: 3, status: 'active' })
    expect(await memberIds()).toEqual(expect.arrayContaining(joiners.map((j) => j.id)))
  })

  it('someone already a member gets 409 already_member, and the use is not counted', async () => {
    const { invite, token } = await createInvite()
    expectErrorShape(await accept(chair, token), 409, 'already_member')
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 0, status: 'active' })
    // The chair's own membership is unchanged by the invite's role and organisation.
    const { memberships } = await chair.expect(200, 'GET', '/api/me')
    expect(memberships).toEqual([
      expect.objectContaining({
        role: 'chair',
        organisation: expect.objectContaining({ id: organisations.alc }),
      }),
    ])
    // The link is still good for the person it was meant for.
    const { client } = await person()
    expect((await accept(client, token)).status).toBe(200)
  })

  it('two people accepting a single-use link at the same moment: exactly one gets in', async () => {
    const { invite, token } = await createInvite()
    const [a, b] = await people(2)
    const answers = await Promise.all([accept(a!.client, token), accept(b!.client, token)])
    expect(answers.map((x) => x.status).sort()).toEqual([200, 410])
    const loser = answers.find((x) => x.status === 410)!
    expectErrorShape(loser, 410, 'invite_used_up')
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 1, status: 'used' })
    const members = await memberIds()
    expect([a!.id, b!.id].filter((id) => members.includes(id))).toHaveLength(1)
  })

  it('six people racing for a two-use link: exactly two get in', async () => {
    const { invite, token } = await createInvite({ maxUses: 2 })
    const racers = await people(6)
    const answers = await Promise.all(racers.map((r) => accept(r.client, token)))
    expect(answers.filter((x) => x.status === 200)).toHaveLength(2)
    for (const x of answers.filter((x) => x.status !== 200)) {
      expectErrorShape(x, 410, 'invite_used_up')
    }
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 2, status: 'used' })
    const members = await memberIds()
    expect(racers.filter((r) => members.includes(r.id))).toHaveLength(2)
  })
})

describe('the last use, in the store', () => {
  // Over HTTP the racing requests above are served one after another, so the second is refused
  // by the status check before it reaches the store. This is the store's own guard: both
  // requests hold the invite as they read it (one use left) when they redeem it.
  it('redeeming one stale single-use invite for two people lets exactly one in', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-invites-store-'))
    const storage = new SqliteStorage(dir)
    try {
      const at = new Date().toISOString()
      for (const id of ['chair', 'first', 'second']) {
        await storage.accounts.createPerson({
          id,
          email: `${id}@example.org`,
          name: id,
          passwordHash: null,
          createdAt: at,
        })
      }
      const organisation = { id: 'org', name: 'Org', shortName: 'ORG', aliases: [] }
      await storage.coalitions.createCoalition({
        coalition: { id: 'c', name: 'C' },
        organisation,
        chair: {
          personId: 'chair',
          coalitionId: 'c',
          organisationId: 'org',
          role: 'chair',
          createdAt: at,
        },
      })
      await storage.invites.createInvite({
        id: 'i',
        tokenHash: 'hash',
        coalitionId: 'c',
        organisationId: 'org',
        role: 'member',
        maxUses: 1,
        uses: 0,
        expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        revokedAt: null,
        createdBy: 'chair',
        createdAt: at,
      })
      const stale = (await storage.invites.findInviteByTokenHash('hash'))!
      const results = [
        await storage.invites.redeemInvite(stale, 'first', at),
        await storage.invites.redeemInvite(stale, 'second', at),
      ]
      expect(results).toEqual(['joined', 'unusable'])
      expect((await storage.invites.findInviteByTokenHash('hash'))!.uses).toBe(1)
      expect(await storage.coalitions.findMembership('second', 'c')).toBeUndefined()
    } finally {
      await storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('when a link stops working', () => {
  it('a revoked link answers 410 invite_revoked, to the preview and to accepting', async () => {
    const { invite, token } = await createInvite({ maxUses: null })
    await chair.expect(204, 'DELETE', `/api/coalitions/${coalitionId}/invites/${invite.id}`)
    expect(await inviteNow(invite.id)).toMatchObject({ status: 'revoked', uses: 0 })
    const { client, id } = await person()
    expectErrorShape(await client.request('GET', `/api/invites/${token}`), 410, 'invite_revoked')
    expectErrorShape(await accept(client, token), 410, 'invite_revoked')
    expect(await memberIds()).not.toContain(id)
    expect(await inviteNow(invite.id)).toMatchObject({ status: 'revoked', uses: 0 })
  })

  it('an expired link answers 410 invite_expired, to the preview and to accepting', async () => {
    const { invite, token } = await createInvite({ maxUses: null })
    const { client, id } = await person()
    await client.expect(200, 'GET', `/api/invites/${token}`)
    updateInvite(
      invite.id,
      'UPDATE invites SET expires_at = ? WHERE id = ?',
      new Date(Date.now() - 60_000).toISOString(),
    )
    expectErrorShape(await client.request('GET', `/api/invites/${token}`), 410, 'invite_expired')
    expectErrorShape(await accept(client, token), 410, 'invite_expired')
    expect(await memberIds()).not.toContain(id)
    expect(await inviteNow(invite.id)).toMatchObject({ status: 'expired', uses: 0 })
  })

  it('an unknown or garbled token answers 404 invite_not_found, the same for each', async () => {
    const { client } = await person()
    const tokens = [
      randomBytes(32).toString('base64url'), // the right shape, but no such invite
      'not-a-token',
      'x'.repeat(44),
      encodeURIComponent('!'.repeat(43)),
      `${(await createInvite()).token.slice(0, 42)}.`,
    ]
    const bodies: unknown[] = []
    for (const token of tokens) {
      const preview = await new AccordClient(server.url).request('GET', `/api/invites/${token}`)
      expectErrorShape(preview, 404, 'invite_not_found')
      const accepted = await accept(client, token)
      expectErrorShape(accepted, 404, 'invite_not_found')
      bodies.push(preview.body, accepted.body)
    }
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1)
    expect((await client.expect(200, 'GET', '/api/me')).memberships).toEqual([])
  })

  it('accepting needs a session: 401, and the use is not counted', async () => {
    const { invite, token } = await createInvite()
    expectErrorShape(await accept(new AccordClient(server.url), token), 401, 'unauthenticated')
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 0, status: 'active' })
  })
})

describe('what the holder sees and gets', () => {
  it('the preview, signed out, shows the coalition, organisation, role and expiry, and uses nothing', async () => {
    const { invite, token } = await createInvite({
      role: 'observer',
      organisationId: organisations.fpct,
    })
    const anonymous = new AccordClient(server.url)
    for (let i = 0; i < 2; i++) {
      const { invite: preview } = await anonymous.expect(200, 'GET', `/api/invites/${token}`)
      expect(preview).toEqual({
        coalitionId,
        coalitionName,
        organisationName: 'Fair Pay for Care Trust',
        role: 'observer',
        expiresAt: invite.expiresAt,
      })
    }
    const days = (Date.parse(invite.expiresAt) - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(13.9)
    expect(days).toBeLessThanOrEqual(14)
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 0, status: 'active' })
  })

  it.each([
    ['secretariat', 'fpct'],
    ['member', 'alc'],
    ['observer', 'fpct'],
    ['chair', 'alc'],
  ] as const)(
    'an invite as %s of %s gives the joined person that role and organisation',
    async (role, org) => {
      const organisationId = organisations[org]
      const { token } = await createInvite({ role, organisationId })
      const { client, id } = await person()
      const answer = await client.expect(200, 'POST', `/api/invites/${token}/accept`)
      const expected = {
        coalition: { id: coalitionId, name: coalitionName },
        organisation: expect.objectContaining({ id: organisationId }),
        role,
      }
      expect(answer.membership).toEqual(expected)
      expect((await client.expect(200, 'GET', '/api/me')).memberships).toEqual([expected])
      const { members } = await chair.expect(200, 'GET', `/api/coalitions/${coalitionId}/members`)
      expect(members.find((m: { personId: string }) => m.personId === id)).toMatchObject({
        role,
        organisationId,
      })
      const { membership } = await client.expect(200, 'GET', `/api/coalitions/${coalitionId}`)
      expect(membership.role).toBe(role)
    },
  )
})

describe('RATE_INVITES_PER_ADDRESS', () => {
  it('=3: the 4th look-up or redemption from one address is 429, garbled tokens counting too', async () => {
    const { running, dir } = await startWith({ RATE_INVITES_PER_ADDRESS: '3' })
    try {
      const owner = new AccordClient(running.url)
      await owner.signUp('Owner')
      const { membership } = await owner.expect(201, 'POST', '/api/coalitions', {
        name: 'Limited coalition',
        organisation: { name: 'Limited Trust', shortName: 'LIM' },
      })
      const cid = membership.coalition.id
      const { path: link, invite } = await owner.expect(
        201,
        'POST',
        `/api/coalitions/${cid}/invites`,
        {
          organisationId: membership.organisation.id,
          role: 'member',
          maxUses: null,
        },
      )
      const token = link.split('/').pop()
      const guest = new AccordClient(running.url)
      await guest.signUp('Guest')

      await guest.expect(200, 'GET', `/api/invites/${token}`)
      expectErrorShape(await guest.request('GET', '/api/invites/garbled'), 404, 'invite_not_found')
      await guest.expect(200, 'GET', `/api/invites/${token}`)

      for (const answer of [
        await guest.request('GET', `/api/invites/${token}`),
        await guest.request('POST', `/api/invites/${token}/accept`),
      ]) {
        expectErrorShape(answer, 429, 'too_many_requests')
        expect(answer.headers.get('retry-after')).toMatch(/^\d+$/)
        expect(Number(answer.headers.get('retry-after'))).toBeGreaterThan(0)
      }
      expect((await guest.expect(200, 'GET', '/api/me')).memberships).toEqual([])
      const { invites } = await owner.expect(200, 'GET', `/api/coalitions/${cid}/invites`)
      expect(invites.find((i: Invite) => i.id === invite.id).uses).toBe(0)
    } finally {
      await running.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('an organisation and its invites', () => {
  it('cannot be removed while one of its invite links still works, and can once none does', async () => {
    const { organisation } = await chair.expect(
      201,
      'POST',
      `/api/coalitions/${coalitionId}/organisations`,
      { name: 'Short-lived Trust', shortName: 'SLT' },
    )
    const organisationPath = `/api/coalitions/${coalitionId}/organisations/${organisation.id}`
    const { invite } = await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/invites`, {
      organisationId: organisation.id,
      role: 'member',
    })
    expectErrorShape(await chair.request('DELETE', organisationPath), 409, 'organisation_in_use')

    // Expired, the link is history: it neither blocks the removal nor survives it.
    updateInvite(
      invite.id,
      'UPDATE invites SET expires_at = ? WHERE id = ?',
      new Date(Date.now() - 60_000).toISOString(),
    )
    await chair.expect(204, 'DELETE', organisationPath)
    const { organisations: left } = await chair.expect(
      200,
      'GET',
      `/api/coalitions/${coalitionId}/organisations`,
    )
    expect(left.map((o: { shortName: string }) => o.shortName)).not.toContain('SLT')
  })
})

describe('an invite works only while its maker could still make it', () => {
  /** Someone who joined through the chair's link with this role. */
  async function joined(role: Role, name = 'Maker') {
    const { token } = await createInvite({ role })
    const joiner = await person(name)
    await joiner.client.expect(200, 'POST', `/api/invites/${token}/accept`)
    return joiner
  }

  /** A link `maker` makes for `role` in FPCT. */
  async function linkBy(maker: AccordClient, role: Role, maxUses: number | null = 1000) {
    const answer = await maker.expect(201, 'POST', `/api/coalitions/${coalitionId}/invites`, {
      organisationId: organisations.fpct,
      role,
      maxUses,
    })
    return { invite: answer.invite as Invite, token: (answer.path as string).split('/').pop()! }
  }

  const setRole = (personId: string, role: Role) =>
    chair.expect(200, 'PATCH', `/api/coalitions/${coalitionId}/members/${personId}`, { role })

  async function expectLapsed(client: AccordClient, token: string) {
    const preview = await new AccordClient(server.url).request('GET', `/api/invites/${token}`)
    expectErrorShape(preview, 410, 'invite_lapsed')
    expect(preview.body.error.message).toMatch(/no longer works/)
    expectErrorShape(await accept(client, token), 410, 'invite_lapsed')
  }

  it('a secretariat removed from the coalition cannot come back through their own 1,000-use link, nor can anyone else use it', async () => {
    const maker = await joined('secretariat', 'Removed Secretariat')
    const { invite, token } = await linkBy(maker.client, 'secretariat')
    await chair.expect(204, 'DELETE', `/api/coalitions/${coalitionId}/members/${maker.id}`)

    await expectLapsed(maker.client, token)
    const stranger = await person()
    await expectLapsed(stranger.client, token)
    expect(await memberIds()).not.toContain(maker.id)
    expect(await memberIds()).not.toContain(stranger.id)
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 0, status: 'lapsed' })
  })

  it('a secretariat demoted to member: nobody can use their link, nor can they after leaving', async () => {
    const maker = await joined('secretariat', 'Demoted Secretariat')
    const { invite, token } = await linkBy(maker.client, 'secretariat')
    await setRole(maker.id, 'member')
    await expectLapsed((await person()).client, token)

    await maker.client.expect(204, 'DELETE', `/api/coalitions/${coalitionId}/members/${maker.id}`)
    await expectLapsed(maker.client, token)
    expect(await memberIds()).not.toContain(maker.id)
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 0, status: 'lapsed' })
  })

  it('a chair demoted to secretariat: their chair link stops working, their member link still works', async () => {
    const maker = await joined('chair', 'Demoted Chair')
    const chairLink = await linkBy(maker.client, 'chair')
    const memberLink = await linkBy(maker.client, 'member')
    await setRole(maker.id, 'secretariat')

    await expectLapsed((await person()).client, chairLink.token)
    expect(await inviteNow(chairLink.invite.id)).toMatchObject({ status: 'lapsed' })
    const joiner = await person()
    const { membership } = await joiner.client.expect(
      200,
      'POST',
      `/api/invites/${memberLink.token}/accept`,
    )
    expect(membership.role).toBe('member')
  })

  it('the invite list says who made each link', async () => {
    const maker = await joined('secretariat', 'Grace Listed')
    const { invite } = await linkBy(maker.client, 'member')
    const mine = await createInvite()
    expect(await inviteNow(invite.id)).toMatchObject({
      createdBy: maker.id,
      createdByName: 'Grace Listed',
      status: 'active',
    })
    expect(await inviteNow(mine.invite.id)).toMatchObject({ createdByName: 'Owen' })
    // Removed, the maker is still named on the links they made.
    await chair.expect(204, 'DELETE', `/api/coalitions/${coalitionId}/members/${maker.id}`)
    expect(await inviteNow(invite.id)).toMatchObject({
      createdByName: 'Grace Listed',
      status: 'lapsed',
    })
  })

  it('a member accepting a link for a higher role stays as they were: 409 already_member', async () => {
    const member = await joined('member', 'Ambitious Member')
    const { token, invite } = await createInvite({ role: 'chair' })
    expectErrorShape(await accept(member.client, token), 409, 'already_member')
    const { membership } = await member.client.expect(200, 'GET', `/api/coalitions/${coalitionId}`)
    expect(membership.role).toBe('member')
    expect(await inviteNow(invite.id)).toMatchObject({ uses: 0, status: 'active' })
  })
})
