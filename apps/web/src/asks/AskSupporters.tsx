import type { LedgerAsk, LedgerOrganisation } from '@accord/minutes/ledger'
import { Link } from 'react-router'
import { organisationPath } from '../organisation/OrganisationLinks.tsx'

interface AskSupportersProps {
  coalitionId: string
  ask: LedgerAsk
  organisations: readonly LedgerOrganisation[]
}

/**
 * Who backs the ask now, as the minutes name them: each organisation a link to its page, those
 * that have not endorsed it here marked (they do not sign the joint letter), unmatched names
 * flagged.
 */
export function AskSupporters({ coalitionId, ask, organisations }: AskSupportersProps) {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]))
  const known = ask.supporters.flatMap((id) => byId.get(id) ?? [])
  // An id no longer an organisation of the coalition (one removed since) reads as unknown.
  const unknown = [...ask.supporters.filter((id) => !byId.has(id)), ...ask.unknownSupporters]
  if (known.length === 0 && unknown.length === 0) {
    return <span className="muted">No organisation yet</span>
  }
  return (
    <ul className="ask-supporters" aria-label="Supporting organisations">
      {known.map((organisation) => (
        <li key={organisation.id}>
          <Link to={organisationPath(coalitionId, organisation.id)}>{organisation.name}</Link>
          {!ask.endorsedBy.includes(organisation.id) && (
            <span className="muted"> (named in the minutes, not endorsed)</span>
          )}
        </li>
      ))}
      {unknown.map((name) => (
        <li key={`unknown-${name}`} className="structure-flag">
          {name}{' '}
          <span className="structure-flag__note">(not an organisation of the coalition)</span>
        </li>
      ))}
    </ul>
  )
}
