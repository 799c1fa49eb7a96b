/**
 * A coalition ledger as the server would return it: four organisations, three meetings, actions
 * in every state (carried, overdue, shared by ALL, done, dropped, owners or a date only proposed:
 * read from the action's words, not set on it) and text that tests escaping:
 * macrons, commas, quotes, line breaks, and cells a spreadsheet would run as formulas.
 */
import type { Ledger, LedgerAction, LedgerAsk } from '@accord/minutes/ledger'

/** The day the fixture's exports are made: after some actions fell due. */
export const TODAY = '2026-12-05'

const action = (
  fields: Pick<LedgerAction, 'key' | 'text' | 'owners' | 'status' | 'due' | 'raisedIn'> &
    Partial<LedgerAction>,
): LedgerAction => ({
  unknownOwners: [],
  assignee: null,
  dueText: null,
  heldIn: fields.raisedIn,
  meetingIds: [fields.heldIn ?? fields.raisedIn],
  carriedFrom: null,
  sourceText: `${fields.text}.`,
  updatedAt: '2026-12-01T10:00:00.000Z',
  editable: true,
  ...fields,
})

const ask = (
  fields: Pick<LedgerAsk, 'key' | 'text' | 'target' | 'supporters' | 'status' | 'meetingId'> &
    Partial<LedgerAsk>,
): LedgerAsk => ({
  unknownSupporters: [],
  endorsements: [],
  endorsedBy: [],
  updatedAt: '2026-12-01T10:00:00.000Z',
  editable: true,
  ...fields,
})

const endorse = (organisationId: string, personId: string, personName: string, at: string) => ({
  organisationId,
  personId,
  personName,
  kind: 'endorse' as const,
  at,
})

export function ledgerFixture(): Ledger {
  return {
    coalition: { id: 'coal-1', name: 'Ōtautahi Climate Coalition' },
    organisations: [
      { id: 'alc', name: 'Aotearoa Land Collective', shortName: 'ALC' },
      { id: 'cn', name: 'Climate Network', shortName: 'CN' },
      { id: 'tuc', name: 'Trades Union Council', shortName: 'TUC' },
      { id: 'owt', name: 'Ōtautahi Whānau Trust', shortName: 'ŌWT' },
    ],
    people: [
      { id: 'p-aroha', name: 'Aroha Ngata', organisationId: 'alc' },
      { id: 'p-ben', name: 'Ben Okafor', organisationId: 'cn' },
      { id: 'p-chen', name: 'Chen Li', organisationId: 'tuc' },
      { id: 'p-dana', name: 'Dana Tūhoe', organisationId: 'owt' },
    ],
    meetings: [
      { id: 'm-oct', title: 'Steering group', date: '2026-10-06', status: 'approved' },
      { id: 'm-nov', title: 'Steering group, November', date: '2026-11-03', status: 'approved' },
      { id: 'm-dec', title: 'Planning day in Ōtautahi', date: '2026-12-01', status: 'draft' },
    ],
    actions: [
      action({
        key: 'a-letter',
        text: 'Circulate the draft joint letter',
        owners: ['alc', 'cn'],
        assignee: 'p-aroha',
        status: 'open',
        due: '2026-11-20',
        dueText: 'by the 20th',
        raisedIn: 'm-oct',
        heldIn: 'm-dec',
        meetingIds: ['m-oct', 'm-nov', 'm-dec'],
        carriedFrom: 'm-nov',
        sourceText: 'ALC and CN will circulate the draft joint letter by the 20th.',
        // The node sets its date; its owners and assignee were read from its words.
        ownersProposed: true,
      }),
      action({
        key: 'a-budget',
        text: '=SUM(A1) the budget lines',
        owners: ['alc'],
        status: 'in_progress',
        due: '2026-12-12',
        raisedIn: 'm-dec',
      }),
      action({
        key: 'a-signatory',
        text: 'Every organisation to confirm its signatory',
        owners: ['ALL'],
        status: 'open',
        due: '2026-12-19',
        raisedIn: 'm-dec',
      }),
      action({
        key: 'a-venue',
        text: 'Book the venue in Ōtautahi, "Te Pae", for March',
        owners: ['cn'],
        assignee: 'p-ben',
        status: 'open',
        due: '2027-01-15',
        raisedIn: 'm-nov',
      }),
      action({
        key: 'a-press',
        text: 'Draft press release,\nwith quotes from members',
        owners: ['tuc'],
        status: 'open',
        due: null,
        dueText: 'after the letter',
        raisedIn: 'm-dec',
      }),
      action({
        key: 'a-minutes',
        text: 'Publish the October minutes',
        owners: ['alc'],
        status: 'done',
        due: '2026-10-20',
        raisedIn: 'm-oct',
      }),
      action({
        key: 'a-survey',
        text: 'Run a member survey',
        owners: ['alc', 'tuc'],
        status: 'dropped',
        due: null,
        raisedIn: 'm-oct',
      }),
      action({
        key: 'a-map',
        text: "Map councillors' positions",
        owners: ['owt'],
        assignee: 'p-dana',
        status: 'open',
        due: '2026-11-10',
        raisedIn: 'm-nov',
      }),
      action({
        key: 'a-logos',
        text: 'All members to share logos',
        owners: ['ALL'],
        status: 'done',
        due: '2026-10-30',
        raisedIn: 'm-oct',
      }),
      action({
        key: 'a-funding',
        text: 'Draft a funding bid (budget < £5k & a timeline)',
        owners: ['alc'],
        unknownOwners: ['Greenpeace'],
        status: 'open',
        due: null,
        raisedIn: 'm-nov',
        sourceText: 'ALC will draft a funding bid,\n"with a timeline", before the new year.',
      }),
      action({
        key: 'a-socials',
        text: '@mention the council on socials',
        owners: ['alc'],
        status: 'open',
        due: '2026-12-10',
        dueText: 'by Thursday',
        // The node names its owner; the date was read from its words.
        dueProposed: true,
        raisedIn: 'm-dec',
        sourceText: '@mention the council on socials by Thursday.',
      }),
      action({
        key: 'a-hotline',
        text: '+64 hotline for the petition',
        owners: ['tuc'],
        status: 'in_progress',
        due: '2026-12-08',
        raisedIn: 'm-dec',
      }),
    ],
    asks: [
      ask({
        key: 'ask-impact',
        meetingId: 'm-nov',
        text: 'Publish the regional climate impact assessment',
        target: 'Environment Canterbury',
        supporters: ['alc', 'cn'],
        status: 'agreed',
        endorsedBy: ['alc', 'cn'],
        endorsements: [
          endorse('alc', 'p-aroha', 'Aroha Ngata', '2026-11-03T09:00:00.000Z'),
          endorse('cn', 'p-ben', 'Ben Okafor', '2026-11-04T09:00:00.000Z'),
        ],
      }),
      ask({
        key: 'ask-fares',
        meetingId: 'm-dec',
        text: 'Fund free bus fares for under-25s',
        target: 'Environment Canterbury',
        supporters: ['cn', 'owt'],
        status: 'sent',
        endorsedBy: ['cn', 'owt'],
        endorsements: [
          endorse('cn', 'p-ben', 'Ben Okafor', '2026-12-01T09:00:00.000Z'),
          endorse('tuc', 'p-chen', 'Chen Li', '2026-12-01T09:05:00.000Z'),
          { ...endorse('tuc', 'p-chen', 'Chen Li', '2026-12-02T09:00:00.000Z'), kind: 'withdraw' },
          endorse('owt', 'p-dana', 'Dana Tūhoe', '2026-12-02T10:00:00.000Z'),
        ],
      }),
      ask({
        key: 'ask-housing',
        meetingId: 'm-dec',
        text: 'Stop the sale of state houses',
        target: 'Minister of Housing',
        // Named in the minutes; TUC never endorsed it.
        supporters: ['tuc'],
        status: 'proposed',
      }),
    ],
    decisions: [
      { key: 'd-letter', meetingId: 'm-oct', text: 'We will write a joint letter' },
      { key: 'd-chair', meetingId: 'm-dec', text: 'CN chairs until March' },
    ],
    pendingSuggestions: { 'm-dec': 2 },
  }
}
