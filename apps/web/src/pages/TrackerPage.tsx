import { can } from '@accord/coalition'
import { useParams } from 'react-router'
import type { CoalitionView } from '../api/coalitions.ts'
import { errorMessage } from '../api/request.ts'
import { CoalitionLoader } from '../coalitions/CoalitionLoader.tsx'
import { CoalitionNav } from '../coalitions/CoalitionNav.tsx'
import { useCoalition } from '../coalitions/use-coalition.ts'
import { LoadError } from '../components/LoadError.tsx'
import { Tracker } from '../tracker/Tracker.tsx'
import { useLedger } from '../ledger/use-ledger.ts'

export function TrackerPage() {
  const { coalitionId = '' } = useParams()
  // A new id is another coalition: remounting drops everything loaded for the last one.
  return <TrackerRoute key={coalitionId} coalitionId={coalitionId} />
}

function TrackerRoute({ coalitionId }: { coalitionId: string }) {
  const loaded = useCoalition(coalitionId)
  return <CoalitionLoader loaded={loaded}>{(view) => <TrackerView view={view} />}</CoalitionLoader>
}

function TrackerView({ view: { coalition, membership } }: { view: CoalitionView }) {
  const { state, retry, actionSaved } = useLedger(coalition.id)

  return (
    <div className="page tracker">
      <title>{`Action tracker – ${coalition.name} – Accord`}</title>
      <h1>Action tracker</h1>
      <CoalitionNav coalitionId={coalition.id} />
      <p className="muted">
        Every action of {coalition.name}’s minutes. Changes made here are written into the minutes.
      </p>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Loading actions…
        </p>
      )}
      {state.status === 'failed' && (
        <LoadError message={errorMessage(state.error)} onRetry={retry} />
      )}
      {state.status === 'ready' && (
        <Tracker
          ledger={state.value}
          coalitionId={coalition.id}
          mayEdit={can(membership.role, 'editMinutes')}
          onSaved={actionSaved}
        />
      )}
    </div>
  )
}
