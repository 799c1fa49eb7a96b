import type { StructureDecision } from '@accord/minutes/structure'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import { SuggestedBadge } from './SuggestedBadge.tsx'
import { SuggestionButtons } from './SuggestionButtons.tsx'

interface DecisionListProps {
  decisions: StructureDecision[]
  review: SuggestionReview | null
}

/** What the meeting decided, in the order the minutes record it. */
export function DecisionList({ decisions, review }: DecisionListProps) {
  return (
    <section className="structure__section" aria-labelledby="structure-decisions">
      <h3 id="structure-decisions">Decisions</h3>
      {decisions.length === 0 ? (
        <p className="muted">No decisions yet.</p>
      ) : (
        <ul className="structure__list">
          {decisions.map((decision) => (
            <li key={decision.key} className="structure__item">
              <p className="structure__text" id={`structure-decision-${decision.key}`}>
                {decision.text}{' '}
                {decision.origin === 'suggested' && <SuggestedBadge item={decision} />}
              </p>
              {review && decision.origin === 'suggested' && (
                <SuggestionButtons
                  review={review}
                  suggestionKey={decision.key}
                  describedBy={`structure-decision-${decision.key}`}
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
