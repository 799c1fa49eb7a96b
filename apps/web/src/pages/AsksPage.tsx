import { useParams } from 'react-router'
import type { CoalitionView } from '../api/coalitions.ts'
import { AsksBoard } from '../asks/AsksBoard.tsx'
import { withAsk } from '../asks/group-asks.ts'
import { CoalitionLoader } from '../coalitions/CoalitionLoader.tsx'
import { CoalitionNav } from '../coalitions/CoalitionNav.tsx'
import { useCoalition } from '../coalitions/use-coalition.ts'
import { LedgerLoader } from '../ledger/LedgerLoader.tsx'
import { OrganisationLinks } from '../organisation/OrganisationLinks.tsx'
import { useLedger } from '../ledger/use-ledger.ts'
import '../asks/asks.css'

export function AsksPage() {
  const { coalitionId = '' } = useParams()
  // A new id is another coalition: remounting drops everything loaded for the last one.
  return <AsksRoute key={coalitionId} coalitionId={coalitionId} />
}

function AsksRoute({ coalitionId }: { coalitionId: string }) {
  const loaded = useCoalition(coalitionId)
  const ledger = useLedger(coalitionId)
  return (
    <CoalitionLoader loaded={loaded}>
      {(view) => <Asks view={view} ledger={ledger} />}
    </CoalitionLoader>
  )
}

function Asks({ view, ledger }: { view: CoalitionView; ledger: ReturnType<typeof useLedger> }) {
  const { coalition, organisations } = view
  return (
    <div className="page asks-page">
      <title>{`Asks – ${coalition.name} – Accord`}</title>
      <h1>Asks</h1>
      <CoalitionNav coalitionId={coalition.id} />
      <div className="asks-page__layout">
        <div>
          <p className="muted">
            What {coalition.name} asks of people outside it, and which organisations support each
            ask.
          </p>
          <LedgerLoader loaded={ledger} what="asks">
            {(loadedLedger) => (
              <AsksBoard
                view={view}
                ledger={loadedLedger}
                onAskChanged={(ask) => ledger.update((current) => withAsk(current, ask))}
              />
            )}
          </LedgerLoader>
        </div>
        <OrganisationLinks coalitionId={coalition.id} organisations={organisations} />
      </div>
    </div>
  )
}
