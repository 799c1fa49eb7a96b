import { ledgerActionSchema, ledgerSchema } from '@accord/minutes/ledger'
import type { StructureAction, StructureAsk, StructureDecision } from '@accord/minutes/structure'
import { describe, expect, it } from 'vitest'
import type { Stored } from '../projection/projection-store.ts'
import { mergeLedger, type LedgerSources } from './merge-ledger.ts'

const source = (text: string) => ({ from: 1, to: 1 + text.length, text })

function action(
  key: string,
  meetingId: string,
  updatedAt: string,
  fields: Partial<StructureAction> = {},
): Stored<StructureAction> {
  return {
    key,
    origin: 'explicit',
    text: `Action ${key}`,
    source: source(`Action ${key} in ${meetingId}`),
    reason: 'explicit action node',
    confidence: 1,
    position: 0,
    owners: ['o1'],
    unknownOwners: [],
    assignee: null,
    due: null,
    dueText: null,
    dueUnparsed: false,
    status: 'open',
    carriedFrom: null,
    ownersProposed: false,
    dueProposed: false,
    meetingId,
    updatedAt,
    ...fields,
  }
}

function ask(
  key: string,
  meetingId: string,
  updatedAt: string,
  fields: Partial<StructureAsk> = {},
): Stored<StructureAsk> {
  return {
    key,
    origin: 'explicit',
    text: `Ask ${key}`,
    source: source(`Ask ${key}`),
    reason: 'explicit ask node',
    confidence: 1,
    position: 0,
    target: 'HM Treasury',
    supporters: [],
    unknownSupporters: [],
    status: 'proposed',
    meetingId,
    updatedAt,
    ...fields,
  }
}

function decision(
  key: string,
  meetingId: string,
  fields: Partial<StructureDecision> = {},
): Stored<StructureDecision> {
  return {
    key,
    origin: 'explicit',
    text: `Decision ${key}`,
    source: source(`Decision ${key}`),
    reason: 'explicit decision node',
    confidence: 1,
    position: 0,
    meetingId,
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  }
}

const T1 = '2025-03-01T10:00:00.000Z'
const T2 = '2025-03-02T10:00:00.000Z'
const T3 = '2025-03-03T10:00:00.000Z'

function sources(overrides: Partial<LedgerSources> = {}): LedgerSources {
  return {
    coalition: { id: 'c1', name: 'Fair Pay Coalition' },
    organisations: [{ id: 'o1', name: 'One', shortName: 'ONE' }],
    people: [{ id: 'p1', name: 'Pat', organisationId: 'o1' }],
    // Given newest first: the ledger lists them oldest first.
    meetings: [
      { id: 'm3', title: 'Third', date: '2025-03-20', status: 'draft' },
      { id: 'm2', title: 'Second', date: '2025-02-20', status: 'draft' },
      { id: 'm1', title: 'First', date: '2025-01-20', status: 'approved' },
    ],
    items: { actions: [], asks: [], decisions: [] },
    endorsements: [],
    ...overrides,
  }
}

describe('mergeLedger', () => {
  it('lists meetings oldest first, then by creation on the same day', () => {
    const ledger = mergeLedger(
      sources({
        meetings: [
          { id: 'b', title: 'B', date: '2025-01-01', status: 'draft', createdAt: T2 },
          { id: 'a', title: 'A', date: '2025-01-01', status: 'draft', createdAt: T1 },
          { id: 'z', title: 'Z', date: '2024-12-01', status: 'draft', createdAt: T3 },
        ],
      }),
    )
    expect(ledger.meetings.map((m) => m.id)).toEqual(['z', 'a', 'b'])
    expect(ledger.meetings[0]).toEqual({ id: 'z', title: 'Z', date: '2024-12-01', status: 'draft' })
  })

  it('makes one entry of an action carried across meetings, the copy changed last current', () => {
    const ledger = mergeLedger(
      sources({
        items: {
          actions: [
            action('a', 'm1', T1, { status: 'open' }),
            action('a', 'm2', T3, { status: 'done', carriedFrom: 'm1', position: 2 }),
            action('a', 'm3', T2, { status: 'in_progress', carriedFrom: 'm2' }),
          ],
          asks: [],
          decisions: [],
        },
      }),
    )
    expect(ledger.actions).toHaveLength(1)
    expect(ledger.actions[0]).toMatchObject({
      key: 'a',
      status: 'done',
      raisedIn: 'm1',
      heldIn: 'm2',
      meetingIds: ['m1', 'm2', 'm3'],
      carriedFrom: 'm1',
      sourceText: 'Action a in m2',
      updatedAt: T3,
      editable: true,
    })
  })

  it('says which owners and dates were only read from the words, as the current copy does', () => {
    const ledger = mergeLedger(
      sources({
        items: {
          actions: [
            // Proposed when minuted; confirmed later in the carried copy, which is current.
            action('a', 'm1', T1, { ownersProposed: true, dueProposed: true, due: '2025-01-24' }),
            action('a', 'm2', T2, { carriedFrom: 'm1', due: '2025-01-24', dueText: 'Friday' }),
            action('b', 'm2', T1, { ownersProposed: true, dueText: 'soon', dueProposed: true }),
            action('c', 'm3', T1, { dueProposed: true, due: '2025-03-21', dueText: 'Friday' }),
          ],
          asks: [],
          decisions: [],
        },
      }),
    )
    const flags = ledger.actions.map(({ key, ownersProposed, dueProposed }) => ({
      key,
      ownersProposed,
      dueProposed,
    }))
    expect(flags).toEqual([
      { key: 'a', ownersProposed: false, dueProposed: false },
      { key: 'b', ownersProposed: true, dueProposed: true },
      { key: 'c', ownersProposed: false, dueProposed: true },
    ])
    expect(ledger.actions[1]).toMatchObject({ owners: ['o1'], due: null, dueText: 'soon' })
  })

  it('reads a ledger action stored before the proposal flags as proposing nothing', () => {
    const ledger = mergeLedger(
      sources({ items: { actions: [action('a', 'm1', T1)], asks: [], decisions: [] } }),
    )
    const { ownersProposed: _owners, dueProposed: _due, ...older } = ledger.actions[0]!
    expect(ledgerActionSchema.parse(older)).toMatchObject({
      ownersProposed: false,
      dueProposed: false,
    })
  })

  it('takes the later meeting’s copy when two were changed at the same time', () => {
    const ledger = mergeLedger(
      sources({
        items: {
          actions: [action('a', 'm3', T1, { status: 'done' }), action('a', 'm2', T1)],
          asks: [],
          decisions: [],
        },
      }),
    )
    expect(ledger.actions[0]).toMatchObject({ heldIn: 'm3', status: 'done', raisedIn: 'm2' })
  })

  it('leaves out suggestions and counts them per meeting instead', () => {
    const ledger = mergeLedger(
      sources({
        items: {
          actions: [
            action('a', 'm2', T1),
            action('s1', 'm2', T1, { origin: 'suggested' }),
            action('s2', 'm3', T1, { origin: 'suggested' }),
          ],
          asks: [ask('s3', 'm2', T1, { origin: 'suggested' })],
          decisions: [decision('s4', 'm2', { origin: 'suggested' }), decision('d', 'm1')],
        },
      }),
    )
    expect(ledger.actions.map((a) => a.key)).toEqual(['a'])
    expect(ledger.asks).toEqual([])
    expect(ledger.decisions).toEqual([{ key: 'd', meetingId: 'm1', text: 'Decision d' }])
    expect(ledger.pendingSuggestions).toEqual({ m2: 3, m3: 1 })
  })

  it('orders actions by the meeting that raised them, then by position', () => {
    const ledger = mergeLedger(
      sources({
        items: {
          actions: [
            action('late', 'm3', T1, { position: 0 }),
            action('second', 'm1', T1, { position: 1 }),
            action('first', 'm1', T1, { position: 0 }),
            action('second', 'm3', T1, { position: 1 }),
          ],
          asks: [],
          decisions: [],
        },
      }),
    )
    expect(ledger.actions.map((a) => a.key)).toEqual(['first', 'second', 'late'])
  })

  it('is not editable when every meeting holding it is approved', () => {
    const ledger = mergeLedger(
      sources({
        items: {
          actions: [action('a', 'm1', T1)],
          asks: [ask('k', 'm1', T1)],
          decisions: [],
        },
      }),
    )
    expect(ledger.actions[0]!.editable).toBe(false)
    expect(ledger.asks[0]!.editable).toBe(false)
  })

  it('gives each ask the endorsements of its key in the meetings holding it, oldest first', () => {
    const endorsement = { askKey: 'k', organisationId: 'o1', personId: 'p1', personName: 'Pat' }
    const ledger = mergeLedger(
      sources({
        items: { actions: [], asks: [ask('k', 'm2', T1, { supporters: ['o1'] })], decisions: [] },
        endorsements: [
          { ...endorsement, meetingId: 'm2', kind: 'withdraw', at: T3 },
          { ...endorsement, meetingId: 'm2', kind: 'endorse', at: T1 },
          { ...endorsement, meetingId: 'm3', kind: 'endorse', at: T2 },
          { ...endorsement, askKey: 'other', meetingId: 'm2', kind: 'endorse', at: T2 },
        ],
      }),
    )
    expect(ledger.asks[0]).toMatchObject({ key: 'k', meetingId: 'm2', supporters: ['o1'] })
    expect(ledger.asks[0]!.endorsements).toEqual([
      { organisationId: 'o1', personId: 'p1', personName: 'Pat', kind: 'endorse', at: T1 },
      { organisationId: 'o1', personId: 'p1', personName: 'Pat', kind: 'withdraw', at: T3 },
    ])
  })

  it('counts as endorsed only the supporters whose last record is an endorsement', () => {
    const record = (organisationId: string, kind: 'endorse' | 'withdraw', at: string) => ({
      askKey: 'k',
      meetingId: 'm2',
      organisationId,
      personId: `p-${organisationId}`,
      personName: organisationId,
      kind,
      at,
    })
    const ledger = mergeLedger(
      sources({
        items: {
          actions: [],
          asks: [ask('k', 'm2', T1, { supporters: ['named', 'back', 'gone', 'yes'] })],
          decisions: [],
        },
        endorsements: [
          record('yes', 'endorse', T1),
          record('gone', 'endorse', T1),
          record('gone', 'withdraw', T2),
          record('back', 'withdraw', T1),
          record('back', 'endorse', T3),
          // Endorsed, but the minutes no longer name it.
          record('left', 'endorse', T2),
        ],
      }),
    )
    expect(ledger.asks[0]!.endorsedBy).toEqual(['back', 'yes'])
  })

  it('ignores items of meetings it was not given', () => {
    const ledger = mergeLedger(
      sources({
        items: {
          actions: [action('a', 'gone', T1), action('s', 'gone', T1, { origin: 'suggested' })],
          asks: [],
          decisions: [],
        },
      }),
    )
    expect(ledger.actions).toEqual([])
    expect(ledger.pendingSuggestions).toEqual({})
  })

  it('answers the shape of the ledger schema exactly', () => {
    const ledger = mergeLedger(
      sources({
        organisations: [
          {
            id: 'o1',
            name: 'One',
            shortName: 'ONE',
            aliases: ['Uno'],
          } as LedgerSources['organisations'][number],
        ],
        items: {
          actions: [action('a', 'm1', T1), action('a', 'm2', T2, { carriedFrom: 'm1' })],
          asks: [ask('k', 'm3', T1)],
          decisions: [decision('d', 'm2')],
        },
        endorsements: [
          {
            askKey: 'k',
            meetingId: 'm3',
            organisationId: 'o1',
            personId: 'p1',
            personName: 'Pat',
            kind: 'endorse',
            at: T2,
          },
        ],
      }),
    )
    // Strict: no field beyond the contract (such as an organisation's aliases) leaks out.
    expect(ledgerSchema.strict().parse(ledger)).toEqual(ledger)
    expect(ledger.organisations).toEqual([{ id: 'o1', name: 'One', shortName: 'ONE' }])
  })
})
