import type { Endorsement, LedgerOrganisation } from '@accord/minutes/ledger'
import { formatInstant } from '../organisation/instant.ts'

interface EndorsementHistoryProps {
  endorsements: readonly Endorsement[]
  organisations: readonly LedgerOrganisation[]
  /** The id of the ask's text, which the list is about. */
  askTextId: string
}

/** Who endorsed the ask or withdrew through Accord, for which organisation and when. */
export function EndorsementHistory({
  endorsements,
  organisations,
  askTextId,
}: EndorsementHistoryProps) {
  if (endorsements.length === 0) return null
  const shortName = (id: string) => organisations.find((o) => o.id === id)?.shortName ?? id
  return (
    <div className="ask-history">
      <p className="ask-history__label" id={`${askTextId}-history`}>
        History
      </p>
      <ol className="ask-history__list" aria-labelledby={`${askTextId}-history ${askTextId}`}>
        {endorsements.map((endorsement, index) => (
          <li key={`${endorsement.at}-${index}`}>
            {endorsement.personName} ({shortName(endorsement.organisationId)}){' '}
            {endorsement.kind === 'endorse' ? 'endorsed' : 'withdrew support'},{' '}
            <time dateTime={endorsement.at}>{formatInstant(endorsement.at)}</time>
          </li>
        ))}
      </ol>
    </div>
  )
}
