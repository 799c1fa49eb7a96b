import {
  columnFilteringFeature,
  createColumnHelper,
  createFilteredRowModel,
  createSortedRowModel,
  rowSortingFeature,
  sortFn_basic,
  sortFn_text,
  tableFeatures,
} from '@tanstack/react-table'
import { useId } from 'react'
import { Link } from 'react-router'
import { formatMeetingDate } from '../dates.ts'
import { Proposed } from '../ledger/Proposed.tsx'
import { useActionEditing } from './action-editing.ts'
import { ConfirmProposal } from './ConfirmProposal.tsx'
import { formatDue } from './due.ts'
import { DueDateInput } from './DueDateInput.tsx'
import {
  matchesDue,
  matchesMeeting,
  matchesOrganisation,
  matchesStatus,
  type DueFilter,
  type StatusFilter,
} from './filters.ts'
import { OwnersPicker } from './OwnersPicker.tsx'
import type { TrackerRow } from './rows.ts'
import { ACTION_STATUSES } from './status.ts'
import { StatusSelect } from './StatusSelect.tsx'

/**
 * The tracker's columns: what each shows, sorts by and filters on. Sorting and filtering run in
 * the browser over the whole ledger; the filters are the pure predicates of filters.ts.
 */
export const features = tableFeatures({
  columnFilteringFeature,
  rowSortingFeature,
  filteredRowModel: createFilteredRowModel(),
  sortedRowModel: createSortedRowModel(),
  sortFns: { basic: sortFn_basic, text: sortFn_text },
})

const helper = createColumnHelper<typeof features, TrackerRow>()

export const columns = helper.columns([
  helper.accessor((row) => row.action.text, {
    id: 'action',
    header: 'Action',
    sortFn: 'text',
    cell: ({ row }) => <ActionText row={row.original} />,
  }),
  helper.accessor((row) => row.owners, {
    id: 'owners',
    header: 'Owners',
    sortFn: 'text',
    filterFn: (row, _id, organisationId: string) =>
      matchesOrganisation(row.original, organisationId),
    cell: ({ row }) => (
      <OwnersPicker
        action={row.original.action}
        label={row.original.owners}
        proposed={row.original.proposal?.owners != null}
      />
    ),
  }),
  helper.accessor((row) => row.assignee ?? undefined, {
    id: 'assignee',
    header: 'Assignee',
    sortFn: 'text',
    sortUndefined: 'last',
    cell: ({ row: { original } }) =>
      original.assignee ? (
        <Proposed when={original.proposal?.assignee != null}>{original.assignee}</Proposed>
      ) : (
        <span className="muted">none</span>
      ),
  }),
  helper.accessor((row) => row.action.due ?? undefined, {
    id: 'due',
    header: 'Due',
    sortFn: 'basic',
    sortUndefined: 'last',
    filterFn: (row, _id, due: DueFilter) => matchesDue(row.original, due),
    cell: ({ row }) => <Due row={row.original} />,
  }),
  helper.accessor((row) => ACTION_STATUSES.indexOf(row.action.status), {
    id: 'status',
    header: 'Status',
    sortFn: 'basic',
    filterFn: (row, _id, status: StatusFilter) => matchesStatus(row.original, status),
    cell: ({ row }) => <StatusSelect action={row.original.action} />,
  }),
  helper.accessor((row) => `${row.raisedIn?.date ?? ''} ${row.raisedIn?.title ?? ''}`, {
    id: 'meeting',
    header: 'Raised in',
    sortFn: 'text',
    filterFn: (row, _id, meetingId: string) => matchesMeeting(row.original, meetingId),
    cell: ({ row }) => <RaisedIn row={row.original} />,
  }),
])

/**
 * The action's words, opening the minutes that hold its current copy, and Confirm when its
 * owners or date are only proposed.
 */
function ActionText({ row: { action, proposal } }: { row: TrackerRow }) {
  return (
    <>
      <Link to={`/meetings/${action.heldIn}`}>{action.text}</Link>
      <ConfirmProposal action={action} proposal={proposal} />
    </>
  )
}

function Due({ row: { action, dueBucket, proposal } }: { row: TrackerRow }) {
  const { editable } = useActionEditing()
  const noteId = useId()
  // A proposed date is marked beside the date; proposed words that are no date, beside them.
  const proposedDate = proposal?.due?.due != null
  const proposedWords = proposal?.due != null && !proposedDate
  // Words that were not understood as a date are shown as written, in quotes.
  const words = action.due === null && action.dueText ? `“${action.dueText}”` : null
  const note = words ?? (editable && action.due === null ? formatDue(null) : null)
  const value = editable ? (
    <DueDateInput
      action={action}
      proposed={proposedDate}
      describedBy={proposedDate ? noteId : undefined}
    />
  ) : (
    <span>{formatDue(action.due)}</span>
  )
  return (
    <div className="tracker-due-cell">
      <Proposed when={proposedDate} noteId={noteId}>
        {value}
      </Proposed>
      {dueBucket === 'overdue' && (
        <span className="tracker-badge tracker-badge--overdue">Overdue</span>
      )}
      {note && (
        <span className="muted tracker-note">
          <Proposed when={proposedWords}>{note}</Proposed>
        </span>
      )}
    </div>
  )
}

function RaisedIn({ row: { raisedIn, carried, action } }: { row: TrackerRow }) {
  return (
    <div>
      {raisedIn ? (
        <>
          {raisedIn.title}
          <span className="tracker-note muted">{formatMeetingDate(raisedIn.date)}</span>
        </>
      ) : (
        <span className="muted">Unknown meeting</span>
      )}
      {carried && (
        <span className="tracker-badge tracker-badge--carried">
          Carried
          <span className="visually-hidden">
            {' '}
            into {laterMeetings(action.meetingIds.length - 1)}
          </span>
        </span>
      )}
    </div>
  )
}

const laterMeetings = (count: number) =>
  count === 1 ? '1 later meeting' : `${count} later meetings`
