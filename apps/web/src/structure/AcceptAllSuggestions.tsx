import type { Structure } from '@accord/minutes/structure'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'

interface AcceptAllSuggestionsProps {
  review: SuggestionReview
  structure: Structure
}

/**
 * One button for the review after an import: every suggestion becomes its node, in one undo
 * step. Shown only while the server still reports suggestions.
 */
export function AcceptAllSuggestions({ review, structure }: AcceptAllSuggestionsProps) {
  const count = [...structure.actions, ...structure.asks, ...structure.decisions].filter(
    (item) => item.origin === 'suggested',
  ).length
  if (count === 0) return null
  return (
    <p>
      <button type="button" className="button button--small" onClick={() => review.acceptAll()}>
        Accept all suggestions
      </button>{' '}
      <span className="muted">
        ({count} {count === 1 ? 'suggestion' : 'suggestions'})
      </span>
    </p>
  )
}
