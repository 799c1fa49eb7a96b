import { useState } from 'react'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import { NoLongerInMinutes } from './NoLongerInMinutes.tsx'

interface SuggestionButtonsProps {
  review: SuggestionReview
  /** The suggestion's key, as the server's projection gave it. */
  suggestionKey: string
  /** Id of the item's text: the buttons are described by it. */
  describedBy: string
}

/** Accept or dismiss one suggested item from the panel, exactly as its popover does. */
export function SuggestionButtons({ review, suggestionKey, describedBy }: SuggestionButtonsProps) {
  const [missing, setMissing] = useState(false)
  return (
    <div className="structure__review">
      <button
        type="button"
        className="button button--small"
        aria-describedby={describedBy}
        onClick={() => setMissing(!review.accept(suggestionKey))}
      >
        Accept
      </button>
      <button
        type="button"
        className="button button--small button--secondary"
        aria-describedby={describedBy}
        onClick={() => review.dismiss(suggestionKey)}
      >
        Dismiss
      </button>
      {missing && <NoLongerInMinutes />}
    </div>
  )
}
