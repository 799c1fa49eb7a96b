import {
  isOverdue,
  isOwnedBy,
  type Ledger,
  type LedgerAction,
  type LedgerMeeting,
} from '@accord/minutes/ledger'
import { organisationNames } from '../editor/organisations.ts'
import { ledgerProposal } from '../ledger/ledger-proposal.ts'

/** One thing the organisation committed to, with the meeting that holds it now. */
export interface Commitment {
  action: LedgerAction
  /** Where the current copy lives: where to go to read or change it. */
  meeting: LedgerMeeting | undefined
  overdue: boolean
  /** Owed by every organisation of the coalition, not named alone. */
  sharedWithAll: boolean
  /** Short names of the other organisations named with it, and owner names that matched none. */
  coOwners: string[]
  /**
   * Short names of every owner when the owners were only read from the action's words, shown
   * "ALC (proposed)" as the editor shows them; null when they are set on the action.
   */
  proposedOwners: string[] | null
  /** The due date (or its words) was only read from the action's words. */
  dueProposed: boolean
}

export interface CommitmentGroups {
  /** Open and in progress, soonest due first, undated last. */
  open: Commitment[]
  done: Commitment[]
  dropped: Commitment[]
}

/**
 * What the organisation owes across every meeting: the ledger's actions it owns by name or as
 * one of "ALL". The order is the exports' (packages/exports commitments.ts), so a downloaded
 * file reads in the order the page shows: outstanding by due date, the rest in ledger order.
 */
export function commitmentsOf(
  ledger: Ledger,
  organisationId: string,
  today: string,
): CommitmentGroups {
  const meetings = new Map(ledger.meetings.map((meeting) => [meeting.id, meeting]))
  const shortNames = new Map(ledger.organisations.map((o) => [o.id, o.shortName]))
  const groups: CommitmentGroups = { open: [], done: [], dropped: [] }
  for (const action of ledger.actions) {
    if (!isOwnedBy(action, organisationId)) continue
    const sharedWithAll = action.owners.includes('ALL')
    const proposal = ledgerProposal(action)
    const commitment: Commitment = {
      action,
      meeting: meetings.get(action.heldIn),
      overdue: isOverdue(action, today),
      sharedWithAll,
      coOwners: sharedWithAll
        ? []
        : [
            ...action.owners
              .filter((id) => id !== organisationId)
              .map((id) => shortNames.get(id) ?? id),
            ...action.unknownOwners,
          ],
      proposedOwners: proposal?.owners
        ? organisationNames(proposal.owners, ledger.organisations)
        : null,
      dueProposed: proposal?.due != null,
    }
    if (action.status === 'done') groups.done.push(commitment)
    else if (action.status === 'dropped') groups.dropped.push(commitment)
    else groups.open.push(commitment)
  }
  groups.open = sortByDue(groups.open)
  return groups
}

/** Earliest due first, undated last; ledger order breaks ties (Array.sort is stable). */
function sortByDue(commitments: Commitment[]): Commitment[] {
  return [...commitments].sort((a, b) => compareDue(a.action.due, b.action.due))
}

function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}
