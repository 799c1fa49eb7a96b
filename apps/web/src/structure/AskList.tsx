import type { Organisation } from '@accord/coalition'
import type { StructureAsk } from '@accord/minutes/structure'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import { organisationNames } from './group-actions.ts'
import { SuggestedBadge } from './SuggestedBadge.tsx'
import { SuggestionButtons } from './SuggestionButtons.tsx'

const statusLabel: Record<StructureAsk['status'], string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  sent: 'Sent',
}

interface AskListProps {
  asks: StructureAsk[]
  organisations: Organisation[]
  review: SuggestionReview | null
}

/** What the coalition asks of people outside it, and who backs each ask. */
export function AskList({ asks, organisations, review }: AskListProps) {
  return (
    <section className="structure__section" aria-labelledby="structure-asks">
      <h3 id="structure-asks">Asks</h3>
      {asks.length === 0 ? (
        <p className="muted">No asks yet.</p>
      ) : (
        <ul className="structure__list">
          {asks.map((ask) => {
            const supporters = [
              ...organisationNames(ask.supporters, organisations),
              ...ask.unknownSupporters,
            ]
            return (
              <li key={ask.key} className="structure__item">
                <p className="structure__text" id={`structure-ask-${ask.key}`}>
                  {ask.text} {ask.origin === 'suggested' && <SuggestedBadge item={ask} />}
                </p>
                <p className="structure__meta">
                  <span>{statusLabel[ask.status]}</span>
                  {ask.target && <span>To {ask.target}</span>}
                  {supporters.length > 0 && <span>Backed by {supporters.join(', ')}</span>}
                </p>
                {review && ask.origin === 'suggested' && (
                  <SuggestionButtons
                    review={review}
                    suggestionKey={ask.key}
                    describedBy={`structure-ask-${ask.key}`}
                  />
                )}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
