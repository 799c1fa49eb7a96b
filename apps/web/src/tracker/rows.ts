import type { Ledger, LedgerAction, LedgerMeeting } from '@accord/minutes/ledger'
import { ledgerProposal } from '../ledger/ledger-proposal.ts'
import type { ActionProposal } from '../suggestions/action-proposals.ts'
import { dueBucket, type DueBucket } from './due.ts'

/** One line of the tracker: a ledger action with the names and dates it is shown with. */
export interface TrackerRow {
  action: LedgerAction
  /** Short names of the owners, "All members" for everyone; names matching no organisation last. */
  owners: string
  /** The assignee's name, if any. */
  assignee: string | null
  /** The meeting it was first minuted in. */
  raisedIn: LedgerMeeting | null
  /** The meeting holding the current copy, which its link opens. */
  heldIn: LedgerMeeting | null
  /** Held by more than one meeting: carried into "Matters arising". */
  carried: boolean
  dueBucket: DueBucket
  /** Owners, assignee and due date read from the words, shown "(proposed)"; null when none. */
  proposal: ActionProposal | null
}

export const ALL_MEMBERS = 'All members'

/** The tracker's rows, in the ledger's order (by meeting, then position in the minutes). */
export function trackerRows(ledger: Ledger, today: string): TrackerRow[] {
  const meetings = new Map(ledger.meetings.map((meeting) => [meeting.id, meeting]))
  const people = new Map(ledger.people.map((person) => [person.id, person.name]))
  const label = ownersLabel(ledger)
  return ledger.actions.map((action) => ({
    action,
    owners: label(action),
    assignee: action.assignee === null ? null : (people.get(action.assignee) ?? null),
    raisedIn: meetings.get(action.raisedIn) ?? null,
    heldIn: meetings.get(action.heldIn) ?? null,
    carried: action.meetingIds.length > 1,
    dueBucket: dueBucket(action, today),
    proposal: ledgerProposal(action),
  }))
}

/** "ALC, CT", "All members", or "" when nobody owns it yet. */
export function ownersLabel(ledger: Pick<Ledger, 'organisations'>) {
  const shortNames = new Map(ledger.organisations.map((org) => [org.id, org.shortName]))
  return ({ owners, unknownOwners }: Pick<LedgerAction, 'owners' | 'unknownOwners'>): string => {
    if (owners.includes('ALL')) return ALL_MEMBERS
    // An id no longer in the coalition (an organisation removed since) still shows, as its id.
    return [...owners.map((id) => shortNames.get(id) ?? id), ...unknownOwners].join(', ')
  }
}
