import { isOwnedBy } from '@accord/minutes/ledger'
import type { TrackerRow } from './rows.ts'
import type { ActionStatus } from './status.ts'

/**
 * The tracker's filters. Each is a pure predicate on a row; the table applies them as column
 * filters (see ActionTable.tsx), and `filterRows` applies them all at once.
 */
export interface TrackerFilters {
  /** An organisation id: actions it owns, or owed by all members. */
  organisation: string | null
  status: StatusFilter
  due: DueFilter
  /** A meeting id: actions that meeting holds. */
  meeting: string | null
}

export const STATUS_FILTERS = {
  outstanding: { label: 'Open and in progress', statuses: ['open', 'in_progress'] },
  open: { label: 'Open', statuses: ['open'] },
  in_progress: { label: 'In progress', statuses: ['in_progress'] },
  done: { label: 'Done', statuses: ['done'] },
  dropped: { label: 'Dropped', statuses: ['dropped'] },
  all: { label: 'Any status', statuses: ['open', 'in_progress', 'done', 'dropped'] },
} as const satisfies Record<string, { label: string; statuses: readonly ActionStatus[] }>
export type StatusFilter = keyof typeof STATUS_FILTERS

export const DUE_FILTERS = {
  all: 'Any time',
  overdue: 'Overdue',
  'this-week': 'Due this week',
  none: 'No date',
} as const
export type DueFilter = keyof typeof DUE_FILTERS

export const DEFAULT_FILTERS: TrackerFilters = {
  organisation: null,
  status: 'outstanding',
  due: 'all',
  meeting: null,
}

export const matchesOrganisation = (row: TrackerRow, organisationId: string | null) =>
  organisationId === null || isOwnedBy(row.action, organisationId)

export const matchesStatus = (row: TrackerRow, status: StatusFilter) =>
  (STATUS_FILTERS[status].statuses as readonly ActionStatus[]).includes(row.action.status)

export const matchesDue = (row: TrackerRow, due: DueFilter) =>
  due === 'all' || row.dueBucket === due

export const matchesMeeting = (row: TrackerRow, meetingId: string | null) =>
  meetingId === null || row.action.meetingIds.includes(meetingId)

export function filterRows(rows: readonly TrackerRow[], filters: TrackerFilters): TrackerRow[] {
  return rows.filter(
    (row) =>
      matchesOrganisation(row, filters.organisation) &&
      matchesStatus(row, filters.status) &&
      matchesDue(row, filters.due) &&
      matchesMeeting(row, filters.meeting),
  )
}
