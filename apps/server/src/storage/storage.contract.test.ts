import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { StructureAction, StructureAsk, StructureDecision } from '@accord/minutes/structure'
import pg from 'pg'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  dropSchema,
  freshSchema,
  queryTestDatabase,
  TEST_DATABASE_URL,
} from '../testing/postgres.ts'
import { UniqueViolation } from './errors.ts'
import { migrations, type MigrationRun } from './migrations.ts'
import { connect } from './postgres/database.ts'
import { migrate as migratePostgres } from './postgres/migrate.ts'
import { PostgresStorage } from './postgres/storage.ts'
import { migrate as migrateSqlite } from './sqlite/migrate.ts'
import { openDatabase, SqliteStorage } from './sqlite/storage.ts'
import type { Storage } from './storage.ts'

/** One engine under test: its storage, and a way around it to check what it wrote. */
interface Engine {
  storage: Storage
  migrateAgain(): Promise<MigrationRun>
  /** Runs SQL both dialects read alike, straight on the database. */
  query<R>(sql: string): Promise<R[]>
  dispose(): Promise<void>
}

async function sqlite(): Promise<Engine> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-storage-'))
  const storage = new SqliteStorage(dir)
  const raw = openDatabase(dir)
  return {
    storage,
    migrateAgain: () => Promise.resolve(migrateSqlite(raw)),
    query: <R>(sql: string) => {
      const statement = raw.prepare(sql)
      return Promise.resolve((statement.reader ? statement.all() : (statement.run(), [])) as R[])
    },
    async dispose() {
      raw.close()
      await storage.close()
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}

async function postgresql(): Promise<Engine> {
  const schema = freshSchema()
  const storage = await PostgresStorage.open({ url: TEST_DATABASE_URL, schema })
  const raw = connect({ url: TEST_DATABASE_URL, schema })
  return {
    storage,
    migrateAgain: () => migratePostgres(raw, schema),
    query: async <R>(sql: string) => (await raw.pool.query(sql)).rows as R[],
    async dispose() {
      await raw.pool.end()
      await storage.close()
      await dropSchema(schema)
    },
  }
}

const at = '2025-03-04T10:00:00.000Z'
const later = '2025-03-05T10:00:00.000Z'
const latest = '2025-03-06T10:00:00.000Z'
const person = (id: string, email = `${id}@example.org`) => ({
  id,
  email,
  name: id[0]!.toUpperCase() + id.slice(1),
  passwordHash: null,
  createdAt: at,
})
const org = (id: string, name: string, shortName: string, aliases: string[] = []) => ({
  id,
  name,
  shortName,
  aliases,
})
const invite = (id: string, maxUses: number | null, expiresAt = '2999-01-01T00:00:00.000Z') => ({
  id,
  tokenHash: `hash-${id}`,
  coalitionId: 'c',
  organisationId: 'alc',
  role: 'member' as const,
  maxUses,
  uses: 0,
  expiresAt,
  revokedAt: null,
  createdBy: 'owen',
  createdAt: at,
})

describe.each([
  ['sqlite', sqlite],
  ['postgresql', postgresql],
])('storage on %s', (_name, open) => {
  let engine: Engine
  let s: Storage

  beforeEach(async () => {
    engine = await open()
    s = engine.storage
  })
  afterEach(() => engine.dispose())

  /** Owen chairs coalition c for ALC; grace and ada have accounts but no membership. */
  async function seed({ adoptOwnerlessMeetings = false } = {}) {
    for (const id of ['owen', 'grace', 'ada']) await s.accounts.createPerson(person(id))
    await s.coalitions.createCoalition({
      adoptOwnerlessMeetings,
      coalition: { id: 'c', name: 'Northshire' },
      organisation: org('alc', 'Association of Local Councils', 'ALC', ['the councils']),
      chair: {
        personId: 'owen',
        coalitionId: 'c',
        organisationId: 'alc',
        role: 'chair',
        createdAt: at,
      },
    })
  }

  /** A second coalition, d, that grace chairs for SLC. */
  async function seedOther() {
    await s.coalitions.createCoalition({
      coalition: { id: 'd', name: 'Southshire' },
      organisation: org('slc', 'Southshire Link', 'SLC'),
      chair: {
        personId: 'grace',
        coalitionId: 'd',
        organisationId: 'slc',
        role: 'chair',
        createdAt: at,
      },
    })
  }

  const meeting = (
    id: string,
    date: string,
    attendance: string[] = [],
    coalitionId = 'c',
    createdAt = at,
  ) => ({
    id,
    coalitionId,
    status: 'draft' as const,
    title: `Meeting ${id}`,
    date,
    createdAt,
    attendance,
  })

  it('migrates once: a second run finds nothing to do, and the database answers a ping', async () => {
    expect(await engine.migrateAgain()).toEqual({ from: migrations.length, to: migrations.length })
    await expect(s.ping()).resolves.toBeUndefined()
  })

  describe('accounts', () => {
    it('keeps people, finds them by id and email, and refuses a taken email', async () => {
      await s.accounts.createPerson(person('owen'))
      expect(await s.accounts.getPerson('owen')).toEqual(person('owen'))
      expect(await s.accounts.findPersonByEmail('owen@example.org')).toEqual(person('owen'))
      expect(await s.accounts.getPerson('nobody')).toBeUndefined()
      expect(await s.accounts.findPersonByEmail('nobody@example.org')).toBeUndefined()
      const taken = s.accounts.createPerson(person('other', 'owen@example.org'))
      await expect(taken).rejects.toEqual(new UniqueViolation('email'))
      await s.accounts.setPasswordHash('owen', 'hash')
      expect((await s.accounts.getPerson('owen'))?.passwordHash).toBe('hash')
    })

    it('keeps sessions by token hash and revokes them once, singly or all of a person', async () => {
      await s.accounts.createPerson(person('owen'))
      const session = (tokenHash: string) => ({
        tokenHash,
        personId: 'owen',
        createdAt: at,
        expiresAt: later,
      })
      await s.accounts.createSession(session('one'))
      await s.accounts.createSession(session('two'))
      await s.accounts.createSession(session('three'))
      expect(await s.accounts.findSession('one')).toEqual({
        personId: 'owen',
        expiresAt: later,
        revokedAt: null,
      })
      expect(await s.accounts.findSession('none')).toBeUndefined()
      await s.accounts.revokeSession('one', at)
      await s.accounts.revokeSession('one', later)
      expect((await s.accounts.findSession('one'))?.revokedAt).toBe(at)
      await s.accounts.revokeSessionsOf('owen', later)
      expect((await s.accounts.findSession('one'))?.revokedAt).toBe(at)
      expect((await s.accounts.findSession('two'))?.revokedAt).toBe(later)
      expect((await s.accounts.findSession('three'))?.revokedAt).toBe(later)
    })
  })

  describe('coalitions', () => {
    it('adopts ownerless meetings only when asked to', async () => {
      await engine.query(
        `INSERT INTO meetings (id, title, date, created_at) VALUES ('old', 'Old', '2024-01-01', '${at}')`,
      )
      await seed()
      expect(await s.meetings.getMeeting('old')).toBeUndefined()
    })

    it('creates a coalition with its organisation and chair, and adopts ownerless meetings', async () => {
      await engine.query(
        `INSERT INTO meetings (id, title, date, created_at) VALUES ('old', 'Old', '2024-01-01', '${at}')`,
      )
      await seed({ adoptOwnerlessMeetings: true })
      expect(await s.coalitions.getCoalition('c')).toEqual({ id: 'c', name: 'Northshire' })
      expect(await s.coalitions.getCoalition('none')).toBeUndefined()
      expect((await s.meetings.getMeeting('old'))?.coalitionId).toBe('c')
      await s.coalitions.renameCoalition('c', 'Northshire Care')
      expect(await s.coalitions.membershipsOf('owen')).toEqual([
        {
          coalition: { id: 'c', name: 'Northshire Care' },
          organisation: org('alc', 'Association of Local Councils', 'ALC', ['the councils']),
          role: 'chair',
        },
      ])
      expect(await s.coalitions.membershipsOf('grace')).toEqual([])
      expect(await s.coalitions.findMembership('owen', 'c')).toEqual({
        personId: 'owen',
        coalitionId: 'c',
        organisationId: 'alc',
        role: 'chair',
        createdAt: at,
      })
      expect(await s.coalitions.findMembership('grace', 'c')).toBeUndefined()
    })

    it('lists organisations by name and refuses a name or short name taken in any case', async () => {
      await seed()
      await s.coalitions.createOrganisation('c', org('fpct', 'fair Pay for Care', 'FPCT'))
      await s.coalitions.createOrganisation('c', org('cnn', 'Carers Network', 'CNN', ['carers']))
      const names = (await s.coalitions.listOrganisations('c')).map((o) => o.id)
      expect(names).toEqual(['alc', 'cnn', 'fpct'])
      await expect(
        s.coalitions.createOrganisation('c', org('x', 'CARERS NETWORK', 'X')),
      ).rejects.toEqual(new UniqueViolation('name'))
      await expect(s.coalitions.createOrganisation('c', org('y', 'Y', 'cnn'))).rejects.toEqual(
        new UniqueViolation('shortName'),
      )
      await expect(
        s.coalitions.updateOrganisation('c', 'cnn', { shortName: 'Fpct' }),
      ).rejects.toEqual(new UniqueViolation('shortName'))
      expect(await s.coalitions.updateOrganisation('c', 'cnn', { aliases: ['a', 'b'] })).toEqual(
        org('cnn', 'Carers Network', 'CNN', ['a', 'b']),
      )
      expect(await s.coalitions.updateOrganisation('c', 'none', { name: 'N' })).toBeUndefined()
      expect((await s.coalitions.listOrganisations('c'))[1]).toEqual(
        org('cnn', 'Carers Network', 'CNN', ['a', 'b']),
      )
    })

    it('deletes an organisation only when nothing refers to it, taking its spent links along', async () => {
      await seed()
      await s.coalitions.createOrganisation('c', org('fpct', 'Fair Pay', 'FPCT'))
      await s.invites.createInvite({ ...invite('spent', 1), organisationId: 'fpct', uses: 0 })
      await s.invites.revokeInvite('c', 'spent', at)
      await s.invites.createInvite({ ...invite('live', null), organisationId: 'fpct' })
      expect(await s.coalitions.deleteOrganisation('c', 'fpct')).toBe('in_use')
      await s.invites.revokeInvite('c', 'live', at)
      expect(await s.coalitions.deleteOrganisation('c', 'alc')).toBe('in_use')
      expect(await s.coalitions.deleteOrganisation('c', 'fpct')).toBe('deleted')
      expect(await s.coalitions.deleteOrganisation('c', 'fpct')).toBe('missing')
      expect(await s.invites.listInvites('c')).toEqual([])
    })

    it('adds, changes and removes members, refusing a second membership', async () => {
      await seed()
      await s.coalitions.createOrganisation('c', org('fpct', 'Fair Pay', 'FPCT'))
      const grace = {
        personId: 'grace',
        coalitionId: 'c',
        organisationId: 'alc',
        role: 'member' as const,
        createdAt: later,
      }
      await s.coalitions.addMember(grace)
      await expect(s.coalitions.addMember(grace)).rejects.toEqual(new UniqueViolation('membership'))
      await s.coalitions.updateMember('c', 'grace', { role: 'secretariat' })
      await s.coalitions.updateMember('c', 'grace', { organisationId: 'fpct' })
      expect(await s.coalitions.listMembers('c')).toEqual([
        {
          personId: 'grace',
          name: 'Grace',
          email: 'grace@example.org',
          organisationId: 'fpct',
          role: 'secretariat',
          joinedAt: later,
        },
        expect.objectContaining({ personId: 'owen', role: 'chair', joinedAt: at }),
      ])
      await s.coalitions.removeMember('c', 'grace')
      expect((await s.coalitions.listMembers('c')).map((m) => m.personId)).toEqual(['owen'])
    })
  })

  describe('invites', () => {
    it('keeps invites, newest first, and revokes one once', async () => {
      await seed()
      await s.invites.createInvite(invite('first', 1))
      await s.invites.createInvite({ ...invite('second', null), createdAt: later })
      expect((await s.invites.listInvites('c')).map((i) => i.id)).toEqual(['second', 'first'])
      expect(await s.invites.findInviteByTokenHash('hash-first')).toEqual(invite('first', 1))
      expect(await s.invites.findInviteByTokenHash('hash-none')).toBeUndefined()
      expect(await s.invites.revokeInvite('c', 'first', at)).toBe(true)
      expect(await s.invites.revokeInvite('c', 'first', later)).toBe(true)
      expect(await s.invites.revokeInvite('other', 'first', later)).toBe(false)
      expect((await s.invites.findInviteByTokenHash('hash-first'))?.revokedAt).toBe(at)
    })

    it('redeems: joined, then already a member, then used up', async () => {
      await seed()
      await s.invites.createInvite(invite('once', 1))
      expect(await s.invites.redeemInvite(invite('once', 1), 'grace', later)).toBe('joined')
      expect(await s.invites.redeemInvite(invite('once', 1), 'grace', later)).toBe('already_member')
      expect(await s.invites.redeemInvite(invite('once', 1), 'ada', later)).toBe('unusable')
      expect(await s.coalitions.findMembership('grace', 'c')).toMatchObject({ role: 'member' })
      expect((await s.invites.findInviteByTokenHash('hash-once'))?.uses).toBe(1)
    })

    it('refuses a link revoked after the caller read it, going by the stored row', async () => {
      await seed()
      await s.invites.createInvite(invite('many', null))
      const stale = invite('many', null)
      expect(await s.invites.revokeInvite('c', 'many', at)).toBe(true)
      expect(await s.invites.redeemInvite(stale, 'grace', later)).toBe('unusable')
      expect(await s.coalitions.findMembership('grace', 'c')).toBeUndefined()
      expect((await s.invites.findInviteByTokenHash('hash-many'))?.uses).toBe(0)
    })

    it('lets exactly one of two people racing for a single-use link in', async () => {
      await seed()
      await s.invites.createInvite(invite('once', 1))
      const answers = await Promise.all([
        s.invites.redeemInvite(invite('once', 1), 'grace', later),
        s.invites.redeemInvite(invite('once', 1), 'ada', later),
      ])
      expect(answers.sort()).toEqual(['joined', 'unusable'])
      expect((await s.invites.findInviteByTokenHash('hash-once'))?.uses).toBe(1)
      expect(await s.coalitions.listMembers('c')).toHaveLength(2)
    })

    it('counts one use when one person races through two links', async () => {
      await seed()
      await s.invites.createInvite(invite('a', null))
      await s.invites.createInvite({ ...invite('b', null), tokenHash: 'hash-b' })
      const answers = await Promise.all([
        s.invites.redeemInvite(invite('a', null), 'grace', later),
        s.invites.redeemInvite(invite('b', null), 'grace', later),
      ])
      expect(answers.sort()).toEqual(['already_member', 'joined'])
      const uses = (await s.invites.listInvites('c')).map((i) => i.uses)
      expect(uses.reduce((a, b) => a + b)).toBe(1)
    })
  })

  describe('meetings', () => {
    it('keeps meetings with their attendance, newest first', async () => {
      await seed()
      await s.coalitions.createOrganisation('c', org('fpct', 'Fair Pay', 'FPCT'))
      expect(await s.meetings.createMeeting(meeting('m1', '2025-01-01', ['fpct', 'alc']))).toEqual(
        meeting('m1', '2025-01-01', ['fpct', 'alc']),
      )
      await s.meetings.createMeeting(meeting('m2', '2025-02-01'))
      expect(await s.meetings.getMeeting('m1')).toEqual(
        meeting('m1', '2025-01-01', ['alc', 'fpct']),
      )
      expect(await s.meetings.getMeeting('none')).toBeUndefined()
      expect((await s.meetings.listMeetings('c')).map((m) => m.id)).toEqual(['m2', 'm1'])
      expect(await s.meetings.listMeetings('other')).toEqual([])
    })

    it('changes the title, date and attendance', async () => {
      await seed()
      await s.meetings.createMeeting(meeting('m1', '2025-01-01', ['alc']))
      expect(await s.meetings.updateMeeting('m1', { title: 'Renamed' })).toMatchObject({
        title: 'Renamed',
        date: '2025-01-01',
      })
      expect(await s.meetings.updateMeeting('m1', { date: '2025-06-01' })).toMatchObject({
        title: 'Renamed',
        date: '2025-06-01',
      })
      expect(await s.meetings.updateMeeting('none', { title: 'X' })).toBeUndefined()
      expect((await s.meetings.setAttendance('m1', []))?.attendance).toEqual([])
      expect((await s.meetings.setAttendance('m1', ['alc']))?.attendance).toEqual(['alc'])
    })

    it('keeps the status a meeting is created with', async () => {
      await seed()
      const approved = { ...meeting('m1', '2025-01-01'), status: 'approved' as const }
      expect(await s.meetings.createMeeting(approved)).toEqual(approved)
      expect(await s.meetings.getMeeting('m1')).toEqual(approved)
      await s.meetings.createMeeting(meeting('m2', '2025-02-01'))
      expect((await s.meetings.listMeetings('c')).map((m) => [m.id, m.status])).toEqual([
        ['m2', 'draft'],
        ['m1', 'approved'],
      ])
    })
  })

  describe('minutes versions', () => {
    const snapshot = new Uint8Array([1, 2, 3])
    const approval = (id: string, when = at, personId = 'owen') => ({
      id,
      snapshot,
      personId,
      at: when,
    })

    beforeEach(async () => {
      await seed()
      await s.meetings.createMeeting(meeting('m1', '2025-01-01'))
      await s.meetings.createMeeting(meeting('m2', '2025-02-01'))
    })

    it('approves a draft once: a second approval changes nothing and records nothing', async () => {
      expect(await s.meetings.approve('m1', approval('v1'))).toBe('changed')
      expect((await s.meetings.getMeeting('m1'))?.status).toBe('approved')
      expect(await s.meetings.approve('m1', approval('v2', later))).toBe('unchanged')
      expect((await s.meetings.listVersions('m1')).map((v) => v.id)).toEqual(['v1'])
      expect(await s.meetings.getSnapshot('m1', 'v2')).toBeUndefined()
      expect((await s.meetings.getMeeting('m2'))?.status).toBe('draft')
      expect(await s.meetings.listVersions('m2')).toEqual([])
    })

    it('lets one of two chairs approving at once change the status', async () => {
      const answers = await Promise.all([
        s.meetings.approve('m1', approval('v1')),
        s.meetings.approve('m1', approval('v2')),
      ])
      expect(answers.sort()).toEqual(['changed', 'unchanged'])
      expect(await s.meetings.listVersions('m1')).toHaveLength(1)
    })

    it('answers missing for a meeting that is not there, recording nothing', async () => {
      expect(await s.meetings.approve('none', approval('v1'))).toBe('missing')
      expect(await s.meetings.reopen('none', { id: 'v2', personId: 'owen', at })).toBe('missing')
      expect(await s.meetings.listVersions('none')).toEqual([])
      expect(await engine.query('SELECT id FROM minutes_versions')).toEqual([])
    })

    it('reopens only approved minutes, and lists every version oldest first with names', async () => {
      expect(await s.meetings.reopen('m1', { id: 'r0', personId: 'owen', at })).toBe('unchanged')
      expect(await s.meetings.approve('m1', approval('v1'))).toBe('changed')
      expect(await s.meetings.reopen('m1', { id: 'r1', personId: 'grace', at: later })).toBe(
        'changed',
      )
      expect((await s.meetings.getMeeting('m1'))?.status).toBe('draft')
      expect(await s.meetings.reopen('m1', { id: 'r2', personId: 'grace', at: later })).toBe(
        'unchanged',
      )
      expect(await s.meetings.approve('m1', approval('v2', latest, 'ada'))).toBe('changed')
      expect((await s.meetings.getMeeting('m1'))?.status).toBe('approved')
      expect(await s.meetings.listVersions('m1')).toEqual([
        { id: 'v1', meetingId: 'm1', kind: 'approved', personId: 'owen', personName: 'Owen', at },
        {
          id: 'r1',
          meetingId: 'm1',
          kind: 'reopened',
          personId: 'grace',
          personName: 'Grace',
          at: later,
        },
        {
          id: 'v2',
          meetingId: 'm1',
          kind: 'approved',
          personId: 'ada',
          personName: 'Ada',
          at: latest,
        },
      ])
      expect(await s.meetings.getSnapshot('m1', 'r1')).toBeUndefined()
    })

    it('lists versions by time, then in the order they were written', async () => {
      // Ids in the opposite order to the writing, so neither engine can order by id.
      expect(await s.meetings.approve('m1', approval('z', later))).toBe('changed')
      expect(await s.meetings.reopen('m1', { id: 'y', personId: 'owen', at: later })).toBe(
        'changed',
      )
      expect(await s.meetings.approve('m1', approval('x', later))).toBe('changed')
      expect(await s.meetings.reopen('m1', { id: 'w', personId: 'owen', at: later })).toBe(
        'changed',
      )
      // Written last, but stamped earliest (a server whose clock is behind).
      expect(await s.meetings.approve('m1', approval('v', at))).toBe('changed')
      const versions = await s.meetings.listVersions('m1')
      expect(versions.map((v) => [v.id, v.kind])).toEqual([
        ['v', 'approved'],
        ['z', 'approved'],
        ['y', 'reopened'],
        ['x', 'approved'],
        ['w', 'reopened'],
      ])
    })

    it('keeps the approved document byte for byte, only for that meeting', async () => {
      // Every byte value, from a view into a larger buffer.
      const document = new Uint8Array(300).map((_, i) => i % 256).subarray(7, 263)
      const expected = new Uint8Array(document)
      await s.meetings.approve('m1', { id: 'v1', snapshot: document, personId: 'owen', at })
      const stored = await s.meetings.getSnapshot('m1', 'v1')
      expect(stored).toBeInstanceOf(Uint8Array)
      expect(stored).toEqual(expected)
      await s.meetings.approve('m2', approval('v2'))
      expect(await s.meetings.getSnapshot('m2', 'v2')).toEqual(snapshot)
      expect(await s.meetings.getSnapshot('m2', 'v1')).toBeUndefined()
      expect(await s.meetings.getSnapshot('m1', 'none')).toBeUndefined()
    })
  })

  describe('documents', () => {
    const bytes = (...values: number[]) => new Uint8Array(values)

    it('appends batches across documents and loads each in order, bytes intact', async () => {
      const every = new Uint8Array(256).map((_, i) => i)
      await s.append([
        { docName: 'a', update: bytes(1) },
        { docName: 'b', update: every },
        { docName: 'a', update: bytes(2) },
      ])
      await s.append([])
      await s.append([{ docName: 'a', update: bytes(3) }])
      expect(await s.load('a')).toEqual([bytes(1), bytes(2), bytes(3)])
      expect(await s.load('b')).toEqual([every])
      expect(await s.load('none')).toEqual([])
    })

    it('compacts one document into its snapshot, leaving the others', async () => {
      await s.append([
        { docName: 'a', update: bytes(1) },
        { docName: 'a', update: bytes(2) },
        { docName: 'b', update: bytes(9) },
      ])
      const { updates, position } = await s.loadLog('a')
      expect(updates).toEqual([bytes(1), bytes(2)])
      await s.compact('a', bytes(1, 2), position)
      await s.append([{ docName: 'a', update: bytes(3) }])
      expect(await s.load('a')).toEqual([bytes(1, 2), bytes(3)])
      expect(await s.load('b')).toEqual([bytes(9)])
      const empty = await s.loadLog('none')
      expect(empty.updates).toEqual([])
      await s.compact('none', bytes(0), empty.position)
      expect(await s.load('none')).toEqual([bytes(0)])
    })

    it('keeps an update appended between the read and the compaction', async () => {
      await s.append([
        { docName: 'a', update: bytes(1) },
        { docName: 'a', update: bytes(2) },
      ])
      const { position } = await s.loadLog('a')
      // Another instance appends meanwhile.
      await s.append([{ docName: 'a', update: bytes(3) }])
      await s.compact('a', bytes(1, 2), position)
      // Loading merges every update, so the snapshot may come after the one that stayed.
      expect(await s.load('a')).toEqual([bytes(3), bytes(1, 2)])
    })

    it('moves a document’s revision once per append holding it, and not when compacting', async () => {
      expect(await s.loadWithRevision('a')).toEqual({ updates: [], revision: 0 })
      await s.append([
        { docName: 'a', update: bytes(1) },
        { docName: 'b', update: bytes(9) },
        { docName: 'a', update: bytes(2) },
      ])
      expect(await s.loadWithRevision('a')).toEqual({ updates: [bytes(1), bytes(2)], revision: 1 })
      await s.append([{ docName: 'a', update: bytes(3) }])
      expect((await s.loadWithRevision('a')).revision).toBe(2)
      const { position } = await s.loadLog('a')
      await s.compact('a', bytes(1, 2, 3), position)
      expect(await s.loadWithRevision('a')).toEqual({ updates: [bytes(1, 2, 3)], revision: 2 })
      expect(await s.loadWithRevision('b')).toEqual({ updates: [bytes(9)], revision: 1 })
    })

    it('reads the updates and the revision they make up together, while others append', async () => {
      // One update per append: a read that mixed two moments would see a count and a revision
      // that differ. PostgreSQL serves these from several connections at once.
      const reads: Promise<{ updates: Uint8Array[]; revision: number }>[] = []
      const appends: Promise<void>[] = []
      for (let i = 0; i < 100; i++) {
        appends.push(s.append([{ docName: 'a', update: bytes(i) }]))
        reads.push(s.loadWithRevision('a'))
      }
      await Promise.all(appends)
      for (const { updates, revision } of await Promise.all(reads)) {
        expect(updates.length).toBe(revision)
      }
      expect((await s.loadWithRevision('a')).revision).toBe(100)
    })
  })

  describe('document locks', () => {
    it('runs one task per document and purpose at a time, skipping the others', async () => {
      let release!: () => void
      const held = new Promise<void>((resolve) => (release = resolve))
      const ran: string[] = []
      const first = s.withDocumentLock('m', 'compaction', async () => {
        ran.push('first')
        await held
      })
      await new Promise((resolve) => setTimeout(resolve, 50))
      expect(await s.withDocumentLock('m', 'compaction', async () => void ran.push('x'))).toBe(
        false,
      )
      expect(await s.withDocumentLock('m', 'projection', async () => void ran.push('p'))).toBe(true)
      expect(await s.withDocumentLock('n', 'compaction', async () => void ran.push('n'))).toBe(true)
      release()
      expect(await first).toBe(true)
      expect(await s.withDocumentLock('m', 'compaction', async () => void ran.push('y'))).toBe(true)
      expect(ran).toEqual(['first', 'p', 'n', 'y'])
    })

    it('releases the lock when the task fails', async () => {
      const failing = s.withDocumentLock('m', 'compaction', () => Promise.reject(new Error('no')))
      await expect(failing).rejects.toThrow('no')
      expect(await s.withDocumentLock('m', 'compaction', () => Promise.resolve())).toBe(true)
    })
  })

  describe('projection', () => {
    const source = { text: 'ALC will write', from: 1, to: 15 }
    const action = (key: string, position: number, text = 'Write'): StructureAction => ({
      key,
      origin: 'explicit',
      text,
      source,
      reason: 'owner + will',
      position,
      owners: ['alc', 'ALL'],
      unknownOwners: ['Zoë’s group'],
      assignee: null,
      due: '2025-03-10',
      dueText: 'by Monday',
      dueUnparsed: position % 2 === 1,
      status: 'open',
      carriedFrom: position === 0 ? null : 'm0',
      confidence: 1,
      ownersProposed: position % 2 === 1,
      dueProposed: position % 3 === 1,
    })
    const ask: StructureAsk = {
      key: 'k',
      origin: 'suggested',
      text: 'Ask',
      source,
      reason: 'r',
      confidence: 0.45,
      position: 0,
      target: null,
      supporters: [],
      unknownSupporters: ['x'],
      status: 'proposed',
    }
    const decision: StructureDecision = {
      key: 'd',
      origin: 'explicit',
      text: 'Decided',
      source,
      reason: 'r',
      confidence: 1,
      position: 0,
    }
    const updatedAt = (table: string) =>
      engine.query<{ key: string; updated_at: string }>(
        `SELECT key, updated_at FROM ${table} WHERE meeting_id = 'm' ORDER BY key`,
      )

    beforeEach(async () => {
      await seed()
      await s.meetings.createMeeting({ ...meeting('m', '2025-03-04'), title: 'M' })
    })

    it('starts at version 0 with nothing stored', async () => {
      expect(await s.projection.getStructure('m')).toEqual({
        version: 0,
        actions: [],
        asks: [],
        decisions: [],
      })
    })

    it('stores every field and counts only real changes, leaving equal rows untouched', async () => {
      const lists = {
        actions: [action('a', 0), action('b', 1)],
        asks: [ask],
        decisions: [decision],
      }
      expect(await s.projection.replaceStructure('m', lists, at, 1)).toBe(1)
      expect(await s.projection.getStructure('m')).toEqual({ version: 1, ...lists })
      expect(await s.projection.replaceStructure('m', lists, later, 1)).toBeNull()
      expect(await updatedAt('actions')).toEqual([
        { key: 'a', updated_at: at },
        { key: 'b', updated_at: at },
      ])

      const changed = { ...lists, actions: [action('a', 0), action('b', 1, 'Rewritten')] }
      expect(await s.projection.replaceStructure('m', changed, later, 1)).toBe(2)
      expect(await updatedAt('actions')).toEqual([
        { key: 'a', updated_at: at },
        { key: 'b', updated_at: later },
      ])
      expect((await s.projection.getStructure('m')).actions[1]?.text).toBe('Rewritten')
    })

    it('deletes the keys no longer there, and a deletion alone is a change', async () => {
      const lists = {
        actions: [action('a', 0), action('b', 1)],
        asks: [ask],
        decisions: [decision],
      }
      await s.projection.replaceStructure('m', lists, at, 1)
      const fewer = { actions: [{ ...action('b', 1), position: 0 }], asks: [ask], decisions: [] }
      expect(await s.projection.replaceStructure('m', fewer, later, 1)).toBe(2)
      expect(await s.projection.replaceStructure('m', { ...fewer, asks: [] }, later, 1)).toBe(3)
      expect(await s.projection.getStructure('m')).toEqual({
        version: 3,
        actions: [{ ...action('b', 1), position: 0 }],
        asks: [],
        decisions: [],
      })
    })

    it('round-trips where an action was carried from', async () => {
      const carried = { ...action('a', 0), carriedFrom: 'earlier-meeting' }
      const lists = { actions: [carried], asks: [], decisions: [] }
      expect(await s.projection.replaceStructure('m', lists, at, 1)).toBe(1)
      expect((await s.projection.getStructure('m')).actions).toEqual([carried])
      // The column takes part in the comparison: a change of it alone is a change.
      const uncarried = { ...lists, actions: [{ ...carried, carriedFrom: null }] }
      expect(await s.projection.replaceStructure('m', uncarried, later, 1)).toBe(2)
      expect((await s.projection.getStructure('m')).actions[0]?.carriedFrom).toBeNull()
    })

    it("lists every item of a coalition's meetings, by meeting then position, and no other's", async () => {
      await seedOther()
      // Earlier by date; the same date as m but made later; another coalition's.
      await s.meetings.createMeeting(meeting('early', '2025-01-01'))
      await s.meetings.createMeeting(meeting('same', '2025-03-04', [], 'c', later))
      await s.meetings.createMeeting(meeting('other', '2025-02-01', [], 'd'))
      await s.projection.replaceStructure(
        'm',
        { actions: [action('b', 1), action('a', 0)], asks: [ask], decisions: [decision] },
        at,
        1,
      )
      await s.projection.replaceStructure(
        'early',
        { actions: [action('e', 0)], asks: [], decisions: [] },
        later,
        1,
      )
      await s.projection.replaceStructure(
        'same',
        { actions: [action('s', 0)], asks: [], decisions: [{ ...decision, key: 's' }] },
        latest,
        1,
      )
      await s.projection.replaceStructure(
        'other',
        { actions: [action('o', 0)], asks: [{ ...ask, key: 'o' }], decisions: [decision] },
        at,
        1,
      )

      const items = await s.projection.listCoalitionItems('c')
      expect(items).toEqual({
        actions: [
          { ...action('e', 0), meetingId: 'early', updatedAt: later },
          { ...action('a', 0), meetingId: 'm', updatedAt: at },
          { ...action('b', 1), meetingId: 'm', updatedAt: at },
          { ...action('s', 0), meetingId: 'same', updatedAt: latest },
        ],
        asks: [{ ...ask, meetingId: 'm', updatedAt: at }],
        decisions: [
          { ...decision, meetingId: 'm', updatedAt: at },
          { ...decision, key: 's', meetingId: 'same', updatedAt: latest },
        ],
      })
      expect(items.actions.map((a) => a.carriedFrom)).toEqual([null, null, 'm0', null])

      expect(await s.projection.listCoalitionItems('d')).toEqual({
        actions: [{ ...action('o', 0), meetingId: 'other', updatedAt: at }],
        asks: [{ ...ask, key: 'o', meetingId: 'other', updatedAt: at }],
        decisions: [{ ...decision, meetingId: 'other', updatedAt: at }],
      })
      expect(await s.projection.listCoalitionItems('none')).toEqual({
        actions: [],
        asks: [],
        decisions: [],
      })
    })

    it('records the revision projected, lists the meetings behind it, and never goes back', async () => {
      const update = new Uint8Array([0, 0])
      const empty = { actions: [], asks: [], decisions: [] }
      const lists = { actions: [action('a', 0)], asks: [], decisions: [] }
      await seedOther()
      await s.meetings.createMeeting(meeting('early', '2025-01-01'))
      await s.meetings.createMeeting(meeting('other', '2025-02-01', [], 'd'))
      // No document at all: nothing to project.
      await s.meetings.createMeeting(meeting('blank', '2025-02-02'))
      expect(await s.projection.listMeetingsBehind()).toEqual([])
      await s.append(
        ['m', 'early', 'other', 'not-a-meeting'].map((docName) => ({ docName, update })),
      )
      expect(await s.projection.listMeetingsBehind()).toEqual(['m', 'other', 'early'])
      expect(await s.projection.listMeetingsBehind('c')).toEqual(['m', 'early'])

      expect(await s.projection.replaceStructure('m', lists, at, 1)).toBe(1)
      // No item changed, so no new version; the revision is recorded all the same.
      expect(await s.projection.replaceStructure('early', empty, at, 1)).toBeNull()
      expect(await s.projection.getStructure('early')).toEqual({ version: 0, ...empty })
      expect(await s.projection.listMeetingsBehind('c')).toEqual([])
      expect(await s.projection.listMeetingsBehind()).toEqual(['other'])

      await s.append([{ docName: 'm', update }])
      expect(await s.projection.listMeetingsBehind('c')).toEqual(['m'])
      const newer = { actions: [action('a', 0, 'Newer')], asks: [], decisions: [] }
      expect(await s.projection.replaceStructure('m', newer, later, 2)).toBe(2)
      // A projection of revision 1 that finishes last writes nothing over revision 2's.
      expect(await s.projection.replaceStructure('m', lists, latest, 1)).toBeNull()
      expect(await s.projection.getStructure('m')).toEqual({ version: 2, ...newer })
      expect(await s.projection.listMeetingsBehind('c')).toEqual([])
    })

    it('gives an item the time its row last changed', async () => {
      const lists = { actions: [action('a', 0), action('b', 1)], asks: [], decisions: [] }
      await s.projection.replaceStructure('m', lists, at, 1)
      const changed = { ...lists, actions: [action('a', 0), action('b', 1, 'Rewritten')] }
      await s.projection.replaceStructure('m', changed, later, 1)
      const { actions } = await s.projection.listCoalitionItems('c')
      expect(actions.map((a) => [a.key, a.text, a.updatedAt])).toEqual([
        ['a', 'Write', at],
        ['b', 'Rewritten', later],
      ])
    })
  })

  describe('endorsements', () => {
    const record = (
      meetingId: string,
      organisationId: string,
      personId: string,
      kind: 'endorse' | 'withdraw',
      when: string,
    ) => ({ meetingId, askKey: 'k', organisationId, personId, kind, at: when })

    it("lists a coalition's records oldest first, with names, and no other coalition's", async () => {
      await seed()
      await seedOther()
      await s.coalitions.createOrganisation('c', org('fpct', 'Fair Pay', 'FPCT'))
      await s.meetings.createMeeting(meeting('m1', '2025-01-01'))
      await s.meetings.createMeeting(meeting('m2', '2025-02-01'))
      await s.meetings.createMeeting(meeting('o', '2025-01-01', [], 'd'))
      // Kept in the order recorded, whatever their times say.
      await s.endorsements.recordEndorsement(record('m2', 'alc', 'owen', 'endorse', later))
      await s.endorsements.recordEndorsement(record('o', 'slc', 'grace', 'endorse', at))
      await s.endorsements.recordEndorsement({
        ...record('m1', 'fpct', 'ada', 'endorse', at),
        askKey: 'other-ask',
      })
      await s.endorsements.recordEndorsement(record('m2', 'alc', 'owen', 'withdraw', at))

      expect(await s.endorsements.listEndorsements('c')).toEqual([
        { ...record('m2', 'alc', 'owen', 'endorse', later), personName: 'Owen' },
        {
          ...record('m1', 'fpct', 'ada', 'endorse', at),
          askKey: 'other-ask',
          personName: 'Ada',
        },
        { ...record('m2', 'alc', 'owen', 'withdraw', at), personName: 'Owen' },
      ])
      expect(await s.endorsements.listEndorsements('d')).toEqual([
        { ...record('o', 'slc', 'grace', 'endorse', at), personName: 'Grace' },
      ])
      expect(await s.endorsements.listEndorsements('none')).toEqual([])
    })
  })

  describe('calendar feeds', () => {
    const feed = (id: string, organisationId = 'alc', createdAt = at) => ({
      id,
      coalitionId: 'c',
      organisationId,
      createdBy: 'owen',
      createdAt,
      revokedAt: null,
    })
    const create = (f: ReturnType<typeof feed>) =>
      s.calendarFeeds.createFeed({ ...f, tokenHash: `hash-${f.id}` })

    beforeEach(async () => {
      await seed()
      await s.coalitions.createOrganisation('c', org('fpct', 'Fair Pay', 'FPCT'))
      await create(feed('f1'))
      await create(feed('f2', 'alc', later))
      await create(feed('f3', 'fpct'))
    })

    it("lists an organisation's feeds newest first, revoked ones included", async () => {
      expect(await s.calendarFeeds.listFeeds('c', 'alc')).toEqual([
        feed('f2', 'alc', later),
        feed('f1'),
      ])
      expect(await s.calendarFeeds.listFeeds('c', 'fpct')).toEqual([feed('f3', 'fpct')])
      expect(await s.calendarFeeds.listFeeds('other', 'alc')).toEqual([])
      await s.calendarFeeds.revokeFeed('c', 'alc', 'f1', later)
      expect(await s.calendarFeeds.listFeeds('c', 'alc')).toEqual([
        feed('f2', 'alc', later),
        { ...feed('f1'), revokedAt: later },
      ])
    })

    it('revokes a live feed of that coalition and organisation, once', async () => {
      expect(await s.calendarFeeds.revokeFeed('c', 'fpct', 'f1', later)).toBe(false)
      expect(await s.calendarFeeds.revokeFeed('other', 'alc', 'f1', later)).toBe(false)
      expect(await s.calendarFeeds.revokeFeed('c', 'alc', 'none', later)).toBe(false)
      expect((await s.calendarFeeds.findFeed('hash-f1'))?.revokedAt).toBeNull()
      expect(await s.calendarFeeds.revokeFeed('c', 'alc', 'f1', later)).toBe(true)
      expect(await s.calendarFeeds.revokeFeed('c', 'alc', 'f1', latest)).toBe(false)
      expect((await s.calendarFeeds.findFeed('hash-f1'))?.revokedAt).toBe(later)
      expect((await s.calendarFeeds.findFeed('hash-f2'))?.revokedAt).toBeNull()
    })

    it('finds a feed by its token hash, revoked or not', async () => {
      expect(await s.calendarFeeds.findFeed('hash-f3')).toEqual(feed('f3', 'fpct'))
      await s.calendarFeeds.revokeFeed('c', 'fpct', 'f3', later)
      expect(await s.calendarFeeds.findFeed('hash-f3')).toEqual({
        ...feed('f3', 'fpct'),
        revokedAt: later,
      })
      expect(await s.calendarFeeds.findFeed('hash-none')).toBeUndefined()
      expect(await s.calendarFeeds.findFeed('f3')).toBeUndefined()
    })
  })
})

/**
 * What a server of schema version 3 left: a coalition with a meeting and one action. The same
 * SQL in both engines (FALSE is 0 in SQLite; the JSON lists are text either way).
 */
const version3Data = `
  INSERT INTO people (id, email, name, created_at) VALUES ('owen', 'owen@example.org', 'Owen', '${at}');
  INSERT INTO coalitions (id, name, created_at) VALUES ('c', 'Northshire', '${at}');
  INSERT INTO organisations (id, coalition_id, name, short_name, created_at)
    VALUES ('alc', 'c', 'ALC', 'ALC', '${at}');
  INSERT INTO meetings (id, coalition_id, title, date, created_at)
    VALUES ('m', 'c', 'March', '2025-03-04', '${at}');
  INSERT INTO actions (meeting_id, key, origin, text, owners, unknown_owners, due_unparsed,
      status, source_text, source_from, source_to, reason, position, updated_at)
    VALUES ('m', 'a', 'explicit', 'Write', '["alc"]', '[]', FALSE, 'open', 'ALC will write',
      1, 15, 'owner + will', 0, '${at}');
  INSERT INTO structure_versions (meeting_id, version) VALUES ('m', 1);`

describe.each([
  [
    'sqlite',
    async (): Promise<{ run: MigrationRun; storage: Storage; dispose(): Promise<void> }> => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-storage-'))
      const db = openDatabase(dir)
      for (const migration of migrations.slice(0, 3)) db.exec(migration.sqlite)
      db.pragma('user_version = 3')
      db.exec(version3Data)
      db.exec(`INSERT INTO document_updates (doc, data) VALUES ('m', X'0000')`)
      const run = migrateSqlite(db)
      db.close()
      const storage = new SqliteStorage(dir)
      return {
        run,
        storage,
        async dispose() {
          await storage.close()
          fs.rmSync(dir, { recursive: true, force: true })
        },
      }
    },
  ],
  [
    'postgresql',
    async (): Promise<{ run: MigrationRun; storage: Storage; dispose(): Promise<void> }> => {
      const schema = freshSchema()
      const raw = connect({ url: TEST_DATABASE_URL, schema })
      try {
        await raw.run(`CREATE SCHEMA ${schema}`)
        await raw.run(
          `CREATE TABLE ${schema}.schema_migrations (
             version INTEGER PRIMARY KEY,
             applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
           )`,
        )
        for (const [i, migration] of migrations.slice(0, 3).entries()) {
          await raw.run(migration.postgres)
          await raw.run(`INSERT INTO ${schema}.schema_migrations (version) VALUES (${i + 1})`)
        }
        await raw.run(version3Data)
        await raw.run(`INSERT INTO document_updates (doc, data) VALUES ('m', '\\x0000')`)
        const run = await migratePostgres(raw, schema)
        const storage = await PostgresStorage.open({ url: TEST_DATABASE_URL, schema })
        return {
          run,
          storage,
          async dispose() {
            await storage.close()
            await dropSchema(schema)
          },
        }
      } finally {
        await raw.pool.end()
      }
    },
  ],
])('a version 3 database on %s', (_name, open) => {
  it('migrates to the latest version: meetings drafts, actions carried from nowhere, stored items sure and not proposed, documents to be projected again', async () => {
    const { run, storage, dispose } = await open()
    try {
      expect(run).toEqual({ from: 3, to: migrations.length })
      expect(await storage.meetings.getMeeting('m')).toEqual({
        id: 'm',
        coalitionId: 'c',
        status: 'draft',
        title: 'March',
        date: '2025-03-04',
        createdAt: at,
        attendance: [],
      })
      const structure = await storage.projection.getStructure('m')
      expect(structure.version).toBe(1)
      expect(structure.actions).toMatchObject([
        {
          key: 'a',
          owners: ['alc'],
          carriedFrom: null,
          confidence: 1,
          ownersProposed: false,
          dueProposed: false,
        },
      ])
      expect(await storage.meetings.listVersions('m')).toEqual([])
      expect(
        await storage.meetings.approve('m', {
          id: 'v',
          snapshot: new Uint8Array([1]),
          personId: 'owen',
          at,
        }),
      ).toBe('changed')
      expect((await storage.meetings.getMeeting('m'))?.status).toBe('approved')
      expect((await storage.projection.listCoalitionItems('c')).actions).toHaveLength(1)
      // Projected before revisions were kept: projected again at the next start, to be sure.
      expect(await storage.projection.listMeetingsBehind()).toEqual(['m'])
      expect((await storage.loadWithRevision('m')).revision).toBe(1)
    } finally {
      await dispose()
    }
  })
})

describe('the schema', () => {
  it('is migrated once when two PostgreSQL servers start together', async () => {
    const schema = freshSchema()
    try {
      const both = await Promise.all([
        PostgresStorage.open({ url: TEST_DATABASE_URL, schema }),
        PostgresStorage.open({ url: TEST_DATABASE_URL, schema }),
      ])
      await Promise.all(both.map((storage) => storage.close()))
      const versions = await queryTestDatabase<{ version: number }>(
        `SELECT version FROM ${schema}.schema_migrations ORDER BY version`,
      )
      expect(versions.map((row) => row.version)).toEqual(migrations.map((_, i) => i + 1))
    } finally {
      await dropSchema(schema)
    }
  })

  it('has the same tables, columns and indexes in both engines', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-schema-'))
    const schema = freshSchema()
    const storage = await PostgresStorage.open({ url: TEST_DATABASE_URL, schema })
    try {
      const db = new Database(path.join(dir, 'accord.sqlite'))
      migrateSqlite(db)
      const sqliteColumns = db
        .prepare<[], { name: string }>(
          `SELECT m.name || '.' || p.name AS name FROM sqlite_master m, pragma_table_info(m.name) p
           WHERE m.type = 'table'`,
        )
        .all()
      const sqliteIndexes = db
        .prepare<[], { name: string }>(
          `SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL`,
        )
        .all()
      db.close()
      const client = new pg.Client({ connectionString: TEST_DATABASE_URL })
      await client.connect()
      const pgColumns = await client.query<{ name: string }>(
        `SELECT table_name || '.' || column_name AS name FROM information_schema.columns
         WHERE table_schema = $1 AND table_name <> 'schema_migrations'`,
        [schema],
      )
      // Named indexes only: those behind primary keys and UNIQUE columns SQLite names itself.
      const pgIndexes = await client.query<{ name: string }>(
        `SELECT indexname AS name FROM pg_indexes WHERE schemaname = $1
         AND indexname NOT LIKE '%\\_pkey' AND indexname NOT LIKE '%\\_key'`,
        [schema],
      )
      await client.end()
      const names = (rows: { name: string }[]) => rows.map((row) => row.name).sort()
      expect(names(pgColumns.rows)).toEqual(names(sqliteColumns))
      expect(names(pgIndexes.rows)).toEqual(names(sqliteIndexes))
      expect(names(sqliteIndexes)).toContain('organisations_short_name')
    } finally {
      await storage.close()
      await dropSchema(schema)
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
