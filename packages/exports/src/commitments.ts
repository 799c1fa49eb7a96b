/**
 * What one organisation has committed to across the coalition's meetings: the ledger's actions
 * it owns, by name or as one of "ALL", with the names and meetings resolved so every export
 * (Markdown, CSV, iCalendar, Word, JSON) renders the same rows in the same order.
 */
import {
  isOverdue,
  isOwnedBy,
  type Ledger,
  type LedgerAction,
  type LedgerOrganisation,
} from '@accord/minutes/ledger'
import { actionPath, withOrigin } from './links.ts'

export type ActionStatus = LedgerAction['status']

export interface CommitmentMeeting {
  id: string
  title: string
  /** YYYY-MM-DD */
  date: string
}

export interface CommitmentRow {
  key: string
  text: string
  status: ActionStatus
  /** YYYY-MM-DD */
  due: string | null
  /** The date words as written in the minutes. */
  dueText: string | null
  overdue: boolean
  /** Owed by every organisation of the coalition (owners `['ALL']`). */
  sharedWithAll: boolean
  /** Short names of the other owning organisations, and owner names that matched none. */
  coOwners: string[]
  /** The assignee's name. */
  assignee: string | null
  /**
   * The owners (and the assignee, read with them) were read from the action's words, not set on
   * it: a proposal nobody has confirmed, which every surface marks "(proposed)".
   */
  ownersProposed: boolean
  /** The due date, or its words, were read from the action's words: a proposal, like owners. */
  dueProposed: boolean
  /** Where it was first minuted. */
  raisedIn: CommitmentMeeting
  /** Where its current copy lives: where to go to change it. */
  heldIn: CommitmentMeeting
  carried: boolean
  sourceText: string
  /** Relative path to the action in its meeting; see `linkOf` for an absolute one. */
  link: string
}

export interface Commitments {
  coalition: Ledger['coalition']
  organisation: LedgerOrganisation
  /** YYYY-MM-DD: the day overdue was judged against. */
  generatedOn: string
  rows: CommitmentRow[]
}

/** Outstanding work first, then what was finished, then what was given up. */
const STATUS_GROUP: Record<ActionStatus, number> = { open: 0, in_progress: 0, done: 1, dropped: 2 }

export function commitmentsOf(ledger: Ledger, organisationId: string, today: string): Commitments {
  const organisation = ledger.organisations.find((org) => org.id === organisationId)
  if (!organisation) {
    throw new Error(
      `Organisation "${organisationId}" is not in the ledger of ${ledger.coalition.name}`,
    )
  }
  const meetings = new Map(ledger.meetings.map((meeting) => [meeting.id, meeting]))
  const meeting = (id: string, action: LedgerAction): CommitmentMeeting => {
    const found = meetings.get(id)
    // The ledger is built from the meetings it lists; a miss is a bug upstream, not data to hide.
    if (!found)
      throw new Error(`Action "${action.key}" refers to meeting "${id}", not in the ledger`)
    return { id: found.id, title: found.title, date: found.date }
  }
  const shortNames = new Map(ledger.organisations.map((org) => [org.id, org.shortName]))
  const people = new Map(ledger.people.map((person) => [person.id, person.name]))

  const rows = ledger.actions
    .filter((action) => isOwnedBy(action, organisationId))
    .map((action): CommitmentRow => {
      const sharedWithAll = action.owners.includes('ALL')
      return {
        key: action.key,
        text: action.text,
        status: action.status,
        due: action.due,
        dueText: action.dueText,
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
        assignee: action.assignee === null ? null : (people.get(action.assignee) ?? null),
        // A ledger from before the flags (or built by hand) leaves them out: nothing proposed.
        ownersProposed: action.ownersProposed === true,
        dueProposed:
          action.dueProposed === true && (action.due !== null || action.dueText !== null),
        raisedIn: meeting(action.raisedIn, action),
        heldIn: meeting(action.heldIn, action),
        carried: action.carriedFrom !== null,
        sourceText: action.sourceText,
        link: actionPath(action.heldIn, action.key),
      }
    })
  return { coalition: ledger.coalition, organisation, generatedOn: today, rows: sortRows(rows) }
}

/** Stable: ledger order (meeting, then position) breaks every tie. */
function sortRows(rows: CommitmentRow[]): CommitmentRow[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort(
      (a, b) =>
        STATUS_GROUP[a.row.status] - STATUS_GROUP[b.row.status] ||
        (STATUS_GROUP[a.row.status] === 0 ? compareDue(a.row.due, b.row.due) : 0) ||
        a.index - b.index,
    )
    .map(({ row }) => row)
}

/** Earliest first; no date last. */
function compareDue(a: string | null, b: string | null): number {
  if (a === b) return 0
  if (a === null) return 1
  if (b === null) return -1
  return a < b ? -1 : 1
}

/** The rows of one group, for exports that show them in sections. */
export function rowsIn(commitments: Commitments, group: 'outstanding' | 'done' | 'dropped') {
  const wanted = { outstanding: 0, done: 1, dropped: 2 }[group]
  return commitments.rows.filter((row) => STATUS_GROUP[row.status] === wanted)
}

/** The row's link, absolute when an origin is given. */
export const linkOf = (row: CommitmentRow, origin?: string) => withOrigin(row.link, origin)

/** "open", "in progress", "done", "dropped". */
export const statusLabel = (status: ActionStatus) => status.replace('_', ' ')

/** Who owes it besides, for a reader: "all organisations", "also CN, TUC", or "". */
export function sharedWith(row: CommitmentRow): string {
  if (row.sharedWithAll) return 'all organisations'
  return row.coOwners.length > 0 ? `also ${row.coOwners.join(', ')}` : ''
}

/** The owners column: this organisation and its co-owners, or every organisation. */
export function ownersLabel(commitments: Commitments, row: CommitmentRow): string {
  if (row.sharedWithAll) return 'All organisations'
  return [commitments.organisation.shortName, ...row.coOwners].join(', ')
}
