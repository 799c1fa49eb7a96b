import { useParams } from 'react-router'
import type { CoalitionView } from '../api/coalitions.ts'
import { CoalitionLoader } from '../coalitions/CoalitionLoader.tsx'
import { CoalitionNav } from '../coalitions/CoalitionNav.tsx'
import { useCoalition } from '../coalitions/use-coalition.ts'
import { OrganisationLinks } from '../organisation/OrganisationLinks.tsx'
import { OrganisationView } from '../organisation/OrganisationView.tsx'
import { useLedger } from '../ledger/use-ledger.ts'

export function OrganisationPage() {
  const { coalitionId = '', organisationId = '' } = useParams()
  // A new id is another coalition: remounting drops everything loaded for the last one.
  return (
    <OrganisationRoute
      key={coalitionId}
      coalitionId={coalitionId}
      organisationId={organisationId}
    />
  )
}

interface OrganisationRouteProps {
  coalitionId: string
  organisationId: string
}

function OrganisationRoute({ coalitionId, organisationId }: OrganisationRouteProps) {
  const loaded = useCoalition(coalitionId)
  // Loaded once for the coalition: moving to another organisation's page reads the same ledger.
  const ledger = useLedger(coalitionId)
  return (
    <CoalitionLoader loaded={loaded}>
      {(view) => {
        const organisation = view.organisations.find((o) => o.id === organisationId)
        return organisation ? (
          // Keyed so a link shown once for one organisation is gone on the next one's page.
          <OrganisationView
            key={organisation.id}
            view={view}
            organisation={organisation}
            ledger={ledger}
          />
        ) : (
          <OrganisationNotFound view={view} />
        )
      }}
    </CoalitionLoader>
  )
}

function OrganisationNotFound({ view: { coalition, organisations } }: { view: CoalitionView }) {
  return (
    <div className="page page--narrow">
      <title>{`Organisation not found – ${coalition.name} – Accord`}</title>
      <h1>Organisation not found</h1>
      <CoalitionNav coalitionId={coalition.id} />
      <p>
        {coalition.name} has no such organisation. It may have been removed, or the link may be
        wrong.
      </p>
      <OrganisationLinks coalitionId={coalition.id} organisations={organisations} />
    </div>
  )
}
