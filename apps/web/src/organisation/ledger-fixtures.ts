import type { Ledger, LedgerAction, LedgerAsk } from '@accord/minutes/ledger'

/** A small ledger for the pure tests of the organisation and asks pages. */
export function ledgerWith(parts: Partial<Ledger> = {}): Ledger {
  return {
    coalition: { id: 'c1', name: 'Northshire Care Coalition' },
    organisations: [
      { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC' },
      { id: 'ncvo', name: 'National Council for Voluntary Organisations', shortName: 'NCVO' },
    ],
    people: [],
    meetings: [
      { id: 'm1', title: 'January call', date: '2025-01-14', status: 'approved' },
      { id: 'm2', title: 'February call', date: '2025-02-11', status: 'draft' },
    ],
    actions: [],
    asks: [],
    decisions: [],
    pendingSuggestions: {},
    ...parts,
  }
}

export function action(key: string, fields: Partial<LedgerAction> = {}): LedgerAction {
  return {
    key,
    text: `Action ${key}`,
    owners: ['alc'],
    unknownOwners: [],
    assignee: null,
    due: null,
    dueText: null,
    status: 'open',
    raisedIn: 'm1',
    heldIn: 'm1',
    meetingIds: ['m1'],
    carriedFrom: null,
    sourceText: `ALC will do ${key}.`,
    updatedAt: '2025-01-14T10:00:00.000Z',
    editable: true,
    ...fields,
  }
}

export function ask(key: string, fields: Partial<LedgerAsk> = {}): LedgerAsk {
  return {
    key,
    meetingId: 'm1',
    text: `Ask ${key}`,
    target: 'HM Treasury',
    supporters: [],
    unknownSupporters: [],
    status: 'proposed',
    endorsements: [],
    endorsedBy: [],
    updatedAt: '2025-01-14T10:00:00.000Z',
    editable: true,
    ...fields,
  }
}
