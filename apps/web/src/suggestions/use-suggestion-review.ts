import type { Organisation } from '@accord/coalition'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { SuggestionReview } from './suggestion-review.ts'

/** The meeting's suggestion review: one per document, told of new organisations or dates. */
export function useSuggestionReview(
  doc: Y.Doc,
  organisations: readonly Organisation[],
  meetingDate: string,
): SuggestionReview {
  const [review] = useState(
    () => new SuggestionReview(doc.getMap<string>('dismissed'), { organisations, meetingDate }),
  )
  useEffect(
    () => review.setFacts({ organisations, meetingDate }),
    [review, organisations, meetingDate],
  )
  return review
}
