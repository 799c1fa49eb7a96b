import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { JSONContent } from '@tiptap/core'
import { minutesToUpdate } from '@accord/minutes/import'
import {
  ledgerSchema,
  type Ledger,
  type LedgerAction,
  type LedgerAsk,
} from '@accord/minutes/ledger'
import { StructureChanges } from '@accord/sync/client'
import { waitFor, type Client } from '@accord/sync/testing'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition, type AccordClient, type SeededCoalition } from '../testing/accord-client.ts'
import { findNodes } from './document-edits.ts'

let server: RunningServer
let dataDir: string
let seed: SeededCoalition
const clients: Client[] = []

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-ledger-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
  seed = await seedCoalition(server.url)
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const text = (words: string): JSONContent[] => [{ type: 'text', text: words }]

const actionNode = (id: string, words: string, attrs: Record<string, unknown> = {}) => ({
  type: 'actionItem',
  attrs: { id, status: 'open', ...attrs },
  content: text(words),
})

const askNode = (id: string, words: string, attrs: Record<string, unknown> = {}) => ({
  type: 'ask',
  attrs: { id, target: 'Northshire County Council', ...attrs },
  content: text(words),
})

/** An editor of the meeting, synced with the server. */
async function open(person: AccordClient, meetingId = seed.meetingId): Promise<Client> {
  const client = person.sync(meetingId)
  clients.push(client)
  // Hears the server's "structure changed" too, as the web client does.
  new StructureChanges(client.provider)
  await client.synced()
  return client
}

/** Types the minutes into the meeting as an editor would, and waits until they are stored. */
async function writeMinutes(meetingId: string, ...content: JSONContent[]): Promise<Client> {
  const client = await open(seed.secretariat, meetingId)
  Y.applyUpdate(client.doc, minutesToUpdate({ type: 'doc', content }))
  await client.saved()
  return client
}

const ledgerOf = (person: AccordClient = seed.member) =>
  person.expect<Ledger>(200, 'GET', `/api/coalitions/${seed.coalitionId}/ledger`)

/** Polls the ledger until the projection of the minutes has caught up. */
async function ledgerWhen(done: (ledger: Ledger) => boolean): Promise<Ledger> {
  const deadline = Date.now() + 5000
  for (;;) {
    const ledger = await ledgerOf()
    if (done(ledger)) return ledger
    if (Date.now() > deadline) throw new Error(`ledger never got there: ${JSON.stringify(ledger)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

const actionPath = (key: string) => `/api/coalitions/${seed.coalitionId}/actions/${key}`
const askPath = (key: string) => `/api/coalitions/${seed.coalitionId}/asks/${key}`

/** An attribute of the node with that key, in a client's copy of the document. */
const attribute = (client: Client, nodeName: string, key: string, name: string): unknown =>
  findNodes(client.doc, nodeName, key)[0]?.getAttribute(name)

/** The minutes as storage holds them: what survives a restart. */
async function stored(meetingId = seed.meetingId): Promise<JSONContent> {
  const { minutes } = await seed.chair.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`)
  return (minutes as { json: JSONContent }).json
}

/** The attrs of every block of stored minutes with that type, however deep. */
function storedAttrs(minutes: JSONContent, type: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = []
  const visit = (node: JSONContent) => {
    if (node.type === type) found.push(node.attrs ?? {})
    node.content?.forEach(visit)
  }
  visit(minutes)
  return found
}

async function newMeeting(title: string, date: string): Promise<string> {
  const { meeting } = await seed.chair.expect(
    201,
    'POST',
    `/api/coalitions/${seed.coalitionId}/meetings`,
    { title, date },
  )
  return meeting.id as string
}

const approve = (meetingId = seed.meetingId) =>
  seed.chair.expect(200, 'POST', `/api/meetings/${meetingId}/approve`)

/** The seeded meeting with one action owned by ALC and one ask backed by FPCT. */
async function seedMinutes() {
  const { alc, fpct } = seed.organisations
  const editor = await writeMinutes(
    seed.meetingId,
    { type: 'heading', attrs: { level: 2 }, content: text('Actions') },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [
            { type: 'paragraph', content: text('Funding') },
            actionNode('a1', 'Draft the letter to the council by Friday', {
              owners: [alc],
              due: '2025-03-07',
              dueText: 'Friday',
            }),
          ],
        },
      ],
    },
    askNode('k1', 'Fund the care workers’ pay rise', { supporters: [fpct] }),
    { type: 'decision', attrs: { id: 'd1' }, content: text('We back the campaign.') },
  )
  const ledger = await ledgerWhen((l) => l.actions.length === 1 && l.asks.length === 1)
  return { editor, ledger }
}

describe('GET /ledger', () => {
  it('lists the explicit actions, asks and decisions of the minutes to every member', async () => {
    const { ledger } = await seedMinutes()
    expect(ledgerSchema.parse(ledger)).toEqual(ledger)
    expect(ledger.coalition).toEqual({ id: seed.coalitionId, name: 'Northshire Care Coalition' })
    expect(ledger.meetings).toEqual([
      { id: seed.meetingId, title: 'Fortnightly call', date: '2025-03-04', status: 'draft' },
    ])
    expect(ledger.organisations.map((o) => o.shortName).sort()).toEqual(['ALC', 'CNN', 'FPCT'])
    expect(ledger.people).toContainEqual({
      id: seed.ids.member,
      name: 'Tom',
      organisationId: seed.organisations.cnn,
    })
    expect(ledger.actions[0]).toMatchObject({
      key: 'a1',
      text: 'Draft the letter to the council by Friday',
      owners: [seed.organisations.alc],
      due: '2025-03-07',
      dueText: 'Friday',
      status: 'open',
      raisedIn: seed.meetingId,
      heldIn: seed.meetingId,
      meetingIds: [seed.meetingId],
      carriedFrom: null,
      editable: true,
    })
    expect(ledger.asks[0]).toMatchObject({
      key: 'k1',
      meetingId: seed.meetingId,
      target: 'Northshire County Council',
      supporters: [seed.organisations.fpct],
      status: 'proposed',
      endorsements: [],
      editable: true,
    })
    expect(ledger.decisions).toEqual([
      { key: 'd1', meetingId: seed.meetingId, text: 'We back the campaign.' },
    ])
    expect(await ledgerOf(seed.observer)).toEqual(ledger)
    const outsider = await seed.outsider.request(
      'GET',
      `/api/coalitions/${seed.coalitionId}/ledger`,
    )
    expect(outsider.status).toBe(404)
  })
})

describe('PATCH /actions/:key', () => {
  it('writes the status into the minutes: live to an open editor, stored, and in the ledger', async () => {
    const { editor } = await seedMinutes()
    // Tom is of CNN, not ALC, the owner: any member may move an action along.
    const { action } = await seed.member.expect<{ action: LedgerAction }>(
      200,
      'PATCH',
      actionPath('a1'),
      { status: 'done' },
    )
    expect(action).toMatchObject({ key: 'a1', status: 'done', owners: [seed.organisations.alc] })

    await waitFor(() => attribute(editor, 'actionItem', 'a1', 'status') === 'done', {
      message: 'the open editor never saw the new status',
    })
    const fresh = await open(seed.chair)
    expect(attribute(fresh, 'actionItem', 'a1', 'status')).toBe('done')
    expect(storedAttrs(await stored(), 'actionItem')[0]).toMatchObject({ id: 'a1', status: 'done' })
    // The answer came after the projection: no waiting for the ledger either.
    expect((await ledgerOf()).actions[0]).toEqual(action)
  })

  it('sets owners, assignee and due date, dropping the typed date words', async () => {
    const { editor } = await seedMinutes()
    const { alc, fpct } = seed.organisations
    const { action } = await seed.secretariat.expect<{ action: LedgerAction }>(
      200,
      'PATCH',
      actionPath('a1'),
      { owners: [fpct, alc, fpct], assignee: seed.ids.secretariat, due: '2025-04-01' },
    )
    expect(action).toMatchObject({
      owners: [fpct, alc],
      assignee: seed.ids.secretariat,
      due: '2025-04-01',
      dueText: null,
      status: 'open',
    })
    await waitFor(() => attribute(editor, 'actionItem', 'a1', 'due') === '2025-04-01')
    expect(attribute(editor, 'actionItem', 'a1', 'owners')).toEqual([fpct, alc])
    expect(attribute(editor, 'actionItem', 'a1', 'dueText')).toBeUndefined()

    const everyone = await seed.secretariat.expect<{ action: LedgerAction }>(
      200,
      'PATCH',
      actionPath('a1'),
      { owners: ['ALL'], assignee: null },
    )
    expect(everyone.action).toMatchObject({ owners: ['ALL'], assignee: null, due: '2025-04-01' })
  })

  it('marks owners and dates read from the words as proposed until a change confirms them', async () => {
    const { alc } = seed.organisations
    const editor = await writeMinutes(
      seed.meetingId,
      actionNode('a1', 'ALC to circulate the paper by Friday'),
    )
    const proposed = (await ledgerWhen((l) => l.actions.length === 1)).actions[0]!
    expect(proposed).toMatchObject({
      owners: [alc],
      ownersProposed: true,
      due: '2025-03-07',
      dueText: 'Friday',
      dueProposed: true,
    })

    // The tracker's Confirm: the proposed values, the date words with them.
    const { action } = await seed.member.expect<{ action: LedgerAction }>(
      200,
      'PATCH',
      actionPath('a1'),
      { owners: [alc], due: '2025-03-07', dueText: 'Friday' },
    )
    expect(action).toMatchObject({
      owners: [alc],
      ownersProposed: false,
      due: '2025-03-07',
      dueText: 'Friday',
      dueProposed: false,
    })
    await waitFor(() => attribute(editor, 'actionItem', 'a1', 'dueText') === 'Friday')
    expect(attribute(editor, 'actionItem', 'a1', 'owners')).toEqual([alc])
    expect(attribute(editor, 'actionItem', 'a1', 'due')).toBe('2025-03-07')
  })

  it('refuses owners, assignees and dates that do not fit, and leaves the minutes alone', async () => {
    await seedMinutes()
    const before = await stored()
    const refused = async (body: unknown) => {
      const answer = await seed.secretariat.request('PATCH', actionPath('a1'), body)
      expect(answer.status, JSON.stringify(body)).toBe(400)
      return answer.body.error as { code: string; message: string }
    }
    expect((await refused({ owners: ['no-such-organisation'] })).message).toContain(
      'no-such-organisation',
    )
    expect((await refused({ owners: ['ALL', seed.organisations.cnn] })).message).toContain('ALL')
    expect((await refused({ assignee: seed.ids.outsider })).message).toContain('not a member')
    expect((await refused({ due: 'next Friday' })).code).toBe('invalid_request')
    expect((await refused({ dueText: 'Friday' })).message).toContain('dueText is given with due')
    expect((await refused({ due: null, dueText: '  ' })).code).toBe('invalid_request')
    expect((await refused({ status: 'finished' })).code).toBe('invalid_request')
    expect((await refused({})).code).toBe('invalid_request')
    expect((await refused({ status: 'done', colour: 'red' })).code).toBe('invalid_request')
    const missing = await seed.secretariat.request('PATCH', actionPath('no-such-key'), {
      status: 'done',
    })
    expect(missing.status).toBe(404)
    expect(await stored()).toEqual(before)
  })

  it('lets observers only look, and outsiders not even that', async () => {
    await seedMinutes()
    const before = await stored()
    const observer = await seed.observer.request('PATCH', actionPath('a1'), { status: 'done' })
    expect(observer.status).toBe(403)
    const outsider = await seed.outsider.request('PATCH', actionPath('a1'), { status: 'done' })
    expect(outsider.status).toBe(404)
    expect(outsider.body.error.code).toBe('not_found')
    expect(await stored()).toEqual(before)
  })

  it('changes every draft copy of a carried action, never an approved one', async () => {
    await seedMinutes()
    const next = await newMeeting('Next call', '2025-03-18')
    const carried = await writeMinutes(
      next,
      { type: 'heading', attrs: { level: 2 }, content: text('Matters arising') },
      actionNode('a1', 'Draft the letter to the council by Friday', {
        owners: [seed.organisations.alc],
        carriedFrom: seed.meetingId,
      }),
    )
    await ledgerWhen((l) => l.actions[0]?.meetingIds.length === 2)
    await approve()
    const approved = await stored()

    const { action } = await seed.member.expect<{ action: LedgerAction }>(
      200,
      'PATCH',
      actionPath('a1'),
      { status: 'in_progress' },
    )
    expect(action).toMatchObject({
      status: 'in_progress',
      raisedIn: seed.meetingId,
      heldIn: next,
      meetingIds: [seed.meetingId, next],
      carriedFrom: seed.meetingId,
      editable: true,
    })
    await waitFor(() => attribute(carried, 'actionItem', 'a1', 'status') === 'in_progress')
    expect(storedAttrs(await stored(next), 'actionItem')[0]).toMatchObject({
      status: 'in_progress',
    })
    expect(await stored()).toEqual(approved)

    await approve(next)
    const answer = await seed.member.request('PATCH', actionPath('a1'), { status: 'done' })
    expect(answer.status).toBe(409)
    expect(answer.body.error.code).toBe('minutes_approved')
    expect((await ledgerOf()).actions[0]).toMatchObject({ status: 'in_progress', editable: false })
    expect(storedAttrs(await stored(next), 'actionItem')[0]).toMatchObject({
      status: 'in_progress',
    })
  })
})

describe('asks', () => {
  it('moves an ask along for chairs and secretariat only', async () => {
    const { editor } = await seedMinutes()
    const member = await seed.member.request('PATCH', askPath('k1'), { status: 'agreed' })
    expect(member.status).toBe(403)
    const { ask } = await seed.secretariat.expect<{ ask: LedgerAsk }>(200, 'PATCH', askPath('k1'), {
      status: 'agreed',
    })
    expect(ask).toMatchObject({ key: 'k1', status: 'agreed' })
    await waitFor(() => attribute(editor, 'ask', 'k1', 'status') === 'agreed')
    const bad = await seed.secretariat.request('PATCH', askPath('k1'), { status: 'granted' })
    expect(bad.status).toBe(400)
    const missing = await seed.secretariat.request('PATCH', askPath('nope'), { status: 'sent' })
    expect(missing.status).toBe(404)
  })

  it('endorses for the caller’s own organisation, records who and when, and withdraws', async () => {
    const { editor } = await seedMinutes()
    const { cnn, fpct } = seed.organisations
    const started = new Date().toISOString()

    const endorsed = await seed.member.expect<{ ask: LedgerAsk }>(
      200,
      'POST',
      `${askPath('k1')}/endorsement`,
    )
    expect(endorsed.ask.supporters).toEqual([fpct, cnn])
    expect(endorsed.ask.endorsements).toEqual([
      {
        organisationId: cnn,
        personId: seed.ids.member,
        personName: 'Tom',
        kind: 'endorse',
        at: expect.any(String),
      },
    ])
    expect(endorsed.ask.endorsements[0]!.at >= started).toBe(true)
    await waitFor(() => {
      const supporters = attribute(editor, 'ask', 'k1', 'supporters')
      return Array.isArray(supporters) && supporters.includes(cnn)
    })

    // Again: nothing changes and nothing more is recorded.
    const again = await seed.member.expect<{ ask: LedgerAsk }>(
      200,
      'POST',
      `${askPath('k1')}/endorsement`,
    )
    expect(again.ask).toEqual(endorsed.ask)

    const withdrawn = await seed.member.expect<{ ask: LedgerAsk }>(
      200,
      'DELETE',
      `${askPath('k1')}/endorsement`,
    )
    expect(withdrawn.ask.supporters).toEqual([fpct])
    expect(withdrawn.ask.endorsements.map((e) => [e.organisationId, e.kind])).toEqual([
      [cnn, 'endorse'],
      [cnn, 'withdraw'],
    ])
    await waitFor(() => {
      const supporters = attribute(editor, 'ask', 'k1', 'supporters')
      return Array.isArray(supporters) && !supporters.includes(cnn)
    })
    expect(storedAttrs(await stored(), 'ask')[0]).toMatchObject({ supporters: [fpct] })
  })

  it('has no way to endorse for another organisation', async () => {
    await seedMinutes()
    const { alc, cnn, fpct } = seed.organisations
    // Whatever the body says, the chair speaks for ALC, their own organisation.
    const { ask } = await seed.chair.expect<{ ask: LedgerAsk }>(
      200,
      'POST',
      `${askPath('k1')}/endorsement`,
      { organisationId: cnn },
    )
    expect(ask.supporters).toEqual([fpct, alc])
    expect(ask.endorsements).toMatchObject([{ organisationId: alc, personId: seed.ids.chair }])
  })

  it('refuses observers, outsiders and approved minutes', async () => {
    await seedMinutes()
    const endorse = (person: AccordClient) => person.request('POST', `${askPath('k1')}/endorsement`)
    expect((await endorse(seed.observer)).status).toBe(403)
    expect((await endorse(seed.outsider)).status).toBe(404)
    expect((await seed.member.request('POST', `${askPath('nope')}/endorsement`)).status).toBe(404)

    await approve()
    const before = await stored()
    const late = await endorse(seed.member)
    expect(late.status).toBe(409)
    expect(late.body.error.code).toBe('minutes_approved')
    const status = await seed.secretariat.request('PATCH', askPath('k1'), { status: 'sent' })
    expect(status.status).toBe(409)
    expect(await stored()).toEqual(before)
    expect((await ledgerOf()).asks[0]).toMatchObject({ editable: false, endorsements: [] })
  })
})
