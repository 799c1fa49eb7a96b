import type { LedgerMeeting, LedgerOrganisation } from '@accord/minutes/ledger'
import { SelectField } from '../components/SelectField.tsx'
import { formatMeetingDate } from '../dates.ts'
import {
  DEFAULT_FILTERS,
  DUE_FILTERS,
  STATUS_FILTERS,
  type DueFilter,
  type StatusFilter,
  type TrackerFilters as Filters,
} from './filters.ts'

interface TrackerFiltersProps {
  filters: Filters
  organisations: readonly LedgerOrganisation[]
  meetings: readonly LedgerMeeting[]
  onChange: (filters: Filters) => void
}

const ANY = ''

/** Which actions the table shows: by organisation, status, due date and meeting. */
export function TrackerFilters({
  filters,
  organisations,
  meetings,
  onChange,
}: TrackerFiltersProps) {
  const set = (change: Partial<Filters>) => onChange({ ...filters, ...change })
  const changed = JSON.stringify(filters) !== JSON.stringify(DEFAULT_FILTERS)

  return (
    <div className="tracker-filters" role="group" aria-label="Filter actions">
      <SelectField
        label="Organisation"
        value={filters.organisation ?? ANY}
        onChange={(value) => set({ organisation: value === ANY ? null : value })}
      >
        <option value={ANY}>All organisations</option>
        {organisations.map(({ id, name, shortName }) => (
          <option key={id} value={id}>
            {name} ({shortName})
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Status"
        value={filters.status}
        onChange={(value) => set({ status: value as StatusFilter })}
      >
        {Object.entries(STATUS_FILTERS).map(([value, { label }]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Due"
        value={filters.due}
        onChange={(value) => set({ due: value as DueFilter })}
      >
        {Object.entries(DUE_FILTERS).map(([value, label]) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </SelectField>
      <SelectField
        label="Meeting"
        value={filters.meeting ?? ANY}
        onChange={(value) => set({ meeting: value === ANY ? null : value })}
      >
        <option value={ANY}>All meetings</option>
        {meetings.map(({ id, title, date }) => (
          <option key={id} value={id}>
            {title} ({formatMeetingDate(date)})
          </option>
        ))}
      </SelectField>
      {changed && (
        <button
          type="button"
          className="button button--quiet button--small tracker-filters__reset"
          onClick={() => onChange(DEFAULT_FILTERS)}
        >
          Reset filters
        </button>
      )}
    </div>
  )
}
