import { can, type Organisation } from '@accord/coalition'
import type { CoalitionView } from '../api/coalitions.ts'
import { CoalitionNav } from '../coalitions/CoalitionNav.tsx'
import { todayIsoDate } from '../dates.ts'
import { CalendarFeedsSection } from './CalendarFeedsSection.tsx'
import { commitmentsOf } from './commitments.ts'
import { CommitmentsSections } from './CommitmentsSections.tsx'
import { ExportsSection } from './ExportsSection.tsx'
import { LedgerLoader } from '../ledger/LedgerLoader.tsx'
import { OrganisationLinks } from './OrganisationLinks.tsx'
import type { useLedger } from '../ledger/use-ledger.ts'
import './organisation.css'

interface OrganisationViewProps {
  view: CoalitionView
  organisation: Organisation
  ledger: ReturnType<typeof useLedger>
}

/** One organisation's commitments across the coalition's meetings, its files and its feeds. */
export function OrganisationView({ view, organisation, ledger }: OrganisationViewProps) {
  const { coalition, organisations, membership } = view
  const own = membership.organisation.id === organisation.id
  // As the server decides: its own people, and whoever manages the coalition's organisations.
  const mayManageFeeds = own || can(membership.role, 'manageMembers')
  return (
    <div className="page organisation-page">
      <title>{`${organisation.name} – ${coalition.name} – Accord`}</title>
      <h1>
        {organisation.name}{' '}
        <span className="organisation-page__short">({organisation.shortName})</span>
      </h1>
      <CoalitionNav coalitionId={coalition.id} />
      <div className="organisation-page__layout">
        <div className="organisation-page__main">
          <p className="muted">
            Everything {organisation.shortName}
            {own && ', your organisation,'} committed to in the meetings of {coalition.name}.
          </p>
          <LedgerLoader loaded={ledger} what="commitments">
            {(loaded) => (
              <CommitmentsSections
                groups={commitmentsOf(loaded, organisation.id, todayIsoDate())}
              />
            )}
          </LedgerLoader>
          <ExportsSection coalitionId={coalition.id} organisation={organisation} />
          {mayManageFeeds && (
            <CalendarFeedsSection coalitionId={coalition.id} organisation={organisation} />
          )}
        </div>
        <OrganisationLinks
          coalitionId={coalition.id}
          organisations={organisations}
          currentId={organisation.id}
        />
      </div>
    </div>
  )
}
