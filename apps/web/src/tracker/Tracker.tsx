import type { Ledger, LedgerAction } from '@accord/minutes/ledger'
import { lazy, Suspense, useMemo, useState } from 'react'
import { todayIsoDate } from '../dates.ts'
import { ActionTable } from './ActionTable.tsx'
import { countsByOrganisation } from './counts.ts'
import { DEFAULT_FILTERS, type TrackerFilters as Filters } from './filters.ts'
import { OrganisationCounts } from './OrganisationCounts.tsx'
import { PendingSuggestions } from './PendingSuggestions.tsx'
import { trackerRows } from './rows.ts'
import { TrackerFilters } from './TrackerFilters.tsx'
import { trendByMeeting } from './trend.ts'
import './tracker.css'

// recharts is most of this page's weight; the table must not wait for it.
const TrackerCharts = lazy(() =>
  import('./TrackerCharts.tsx').then((module) => ({ default: module.TrackerCharts })),
)

interface TrackerProps {
  ledger: Ledger
  coalitionId: string
  /** May change actions (editMinutes). */
  mayEdit: boolean
  /** Applies an action the server answered with, then loads the whole ledger again. */
  onSaved: (action: LedgerAction) => void
}

/** The coalition's actions: nudges, filters, the table, and the counts with their charts. */
export function Tracker({ ledger, coalitionId, mayEdit, onSaved }: TrackerProps) {
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS)
  // The client's own day: "overdue" means what it means where the person is.
  const today = todayIsoDate()
  const rows = useMemo(() => trackerRows(ledger, today), [ledger, today])
  const counts = useMemo(() => countsByOrganisation(ledger.organisations, rows), [ledger, rows])
  const trend = useMemo(() => trendByMeeting(ledger), [ledger])

  return (
    <>
      <PendingSuggestions ledger={ledger} />
      <section aria-labelledby="tracker-actions-heading">
        <h2 id="tracker-actions-heading">Actions</h2>
        <TrackerFilters
          filters={filters}
          organisations={ledger.organisations}
          meetings={ledger.meetings}
          onChange={setFilters}
        />
        <ActionTable
          rows={rows}
          filters={filters}
          coalitionId={coalitionId}
          mayEdit={mayEdit}
          organisations={ledger.organisations}
          onSaved={onSaved}
        />
      </section>
      <section className="tracker-overview" aria-labelledby="tracker-overview-heading">
        <h2 id="tracker-overview-heading">Overview</h2>
        <OrganisationCounts counts={counts} id="tracker-counts" coalitionId={coalitionId} />
        <Suspense fallback={<p className="muted">Loading charts…</p>}>
          <TrackerCharts counts={counts} trend={trend} />
        </Suspense>
      </section>
    </>
  )
}
