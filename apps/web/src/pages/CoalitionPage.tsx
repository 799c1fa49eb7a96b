import { can } from '@accord/coalition'
import { useParams } from 'react-router'
import type { CoalitionView } from '../api/coalitions.ts'
import { CoalitionLoader } from '../coalitions/CoalitionLoader.tsx'
import { CoalitionMeetings } from '../coalitions/CoalitionMeetings.tsx'
import { CoalitionNav } from '../coalitions/CoalitionNav.tsx'
import { MembershipSummary } from '../coalitions/MembershipSummary.tsx'
import { useCoalition } from '../coalitions/use-coalition.ts'
import { NewMeetingForm } from '../components/NewMeetingForm.tsx'
import { ImportMinutesForm } from '../imports/ImportMinutesForm.tsx'

export function CoalitionPage() {
  const { coalitionId = '' } = useParams()
  // A new id is another coalition: remounting drops everything loaded for the last one.
  return <CoalitionRoute key={coalitionId} coalitionId={coalitionId} />
}

function CoalitionRoute({ coalitionId }: { coalitionId: string }) {
  const loaded = useCoalition(coalitionId)
  return <CoalitionLoader loaded={loaded}>{(view) => <Coalition view={view} />}</CoalitionLoader>
}

function Coalition({ view: { coalition, membership } }: { view: CoalitionView }) {
  return (
    <div className="page page--narrow">
      <title>{`${coalition.name} – Accord`}</title>
      <h1>{coalition.name}</h1>
      <CoalitionNav coalitionId={coalition.id} />
      <div className="coalition-bar">
        <MembershipSummary membership={membership} />
      </div>

      {can(membership.role, 'manageMeetings') && (
        <>
          <section className="card" aria-labelledby="new-meeting-heading">
            <h2 id="new-meeting-heading">New meeting</h2>
            <NewMeetingForm coalitionId={coalition.id} />
          </section>
          <section className="card" aria-labelledby="import-minutes-heading">
            <h2 id="import-minutes-heading">Import minutes</h2>
            <ImportMinutesForm coalitionId={coalition.id} />
          </section>
        </>
      )}

      <CoalitionMeetings
        coalitionId={coalition.id}
        canCreate={can(membership.role, 'manageMeetings')}
      />
    </div>
  )
}
