import type { Ledger, LedgerAction } from '@accord/minutes/ledger'

/** A small coalition's ledger for the tracker's unit tests: two organisations, three meetings. */
export function testLedger(actions: Partial<LedgerAction>[]): Ledger {
  return {
    coalition: { id: 'c1', name: 'Northshire Care Coalition' },
    organisations: [
      { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC' },
      { id: 'ct', name: 'Carers Trust', shortName: 'CT' },
    ],
    people: [{ id: 'p1', name: 'Priya Shah', organisationId: 'ct' }],
    meetings: [
      { id: 'm1', title: 'January call', date: '2026-01-13', status: 'approved' },
      { id: 'm2', title: 'February call', date: '2026-02-10', status: 'approved' },
      { id: 'm3', title: 'March call', date: '2026-03-10', status: 'draft' },
    ],
    actions: actions.map((action, index) => testAction({ key: `a${index + 1}`, ...action })),
    asks: [],
    decisions: [],
    pendingSuggestions: {},
  }
}

export function testAction(action: Partial<LedgerAction>): LedgerAction {
  return {
    key: 'a1',
    text: 'ALC will circulate the summary.',
    owners: ['alc'],
    unknownOwners: [],
    assignee: null,
    due: null,
    dueText: null,
    status: 'open',
    raisedIn: 'm3',
    heldIn: 'm3',
    meetingIds: [action.raisedIn ?? 'm3'],
    carriedFrom: null,
    sourceText: 'ALC will circulate the summary.',
    updatedAt: '2026-03-10T10:00:00.000Z',
    editable: true,
    ...action,
  }
}
