import type { LedgerAction, LedgerOrganisation } from '@accord/minutes/ledger'
import {
  FlexRender,
  useTable,
  type ColumnFiltersState,
  type Header,
  type SortingState,
} from '@tanstack/react-table'
import { useMemo, useState } from 'react'
import { ActionRow } from './ActionRow.tsx'
import { columns, features } from './columns.tsx'
import type { TrackerFilters } from './filters.ts'
import type { TrackerRow } from './rows.ts'

interface ActionTableProps {
  rows: TrackerRow[]
  filters: TrackerFilters
  coalitionId: string
  mayEdit: boolean
  organisations: readonly LedgerOrganisation[]
  onSaved: (action: LedgerAction) => void
}

/** Every action that passes the filters, sortable by each column's header. */
export function ActionTable({
  rows,
  filters,
  coalitionId,
  mayEdit,
  organisations,
  onSaved,
}: ActionTableProps) {
  const [sorting, setSorting] = useState<SortingState>([])
  const columnFilters = useMemo(() => toColumnFilters(filters), [filters])
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (row) => row.action.key,
    state: { sorting, columnFilters },
    onSortingChange: setSorting,
  })
  const shown = table.getRowModel().rows

  return (
    <>
      <p className="tracker-summary" aria-live="polite">
        {shown.length === rows.length
          ? `${rows.length} ${rows.length === 1 ? 'action' : 'actions'}`
          : `Showing ${shown.length} of ${rows.length} actions`}
      </p>
      <div className="table-scroll">
        <table className="data-table tracker-table">
          <caption className="visually-hidden">
            Actions of the coalition. Column headers with buttons sort the table.
          </caption>
          <thead>
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => (
                  <SortableHeader key={header.id} header={header} />
                ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {shown.map((row) => (
              <ActionRow
                key={row.id}
                row={row}
                coalitionId={coalitionId}
                mayEdit={mayEdit}
                organisations={organisations}
                columnCount={columns.length}
                onSaved={onSaved}
              />
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 && (
        <p className="empty-state">
          {rows.length === 0
            ? 'No actions yet. Actions accepted in the minutes appear here.'
            : 'No actions match these filters.'}
        </p>
      )}
    </>
  )
}

const SORT_ARIA = { asc: 'ascending', desc: 'descending' } as const

/** A column header whose button sorts by it: ascending, descending, then back to the minutes' order. */
function SortableHeader({ header }: { header: Header<typeof features, TrackerRow, unknown> }) {
  const sorted = header.column.getIsSorted()
  return (
    <th scope="col" aria-sort={sorted ? SORT_ARIA[sorted] : undefined}>
      <button
        type="button"
        className="tracker-sort"
        onClick={header.column.getToggleSortingHandler()}
      >
        <FlexRender header={header} />
        <span className="tracker-sort__arrow" aria-hidden="true">
          {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
        </span>
      </button>
    </th>
  )
}

function toColumnFilters(filters: TrackerFilters): ColumnFiltersState {
  return [
    { id: 'owners', value: filters.organisation },
    { id: 'status', value: filters.status },
    { id: 'due', value: filters.due },
    { id: 'meeting', value: filters.meeting },
  ].filter(({ value }) => value !== null && value !== 'all')
}
