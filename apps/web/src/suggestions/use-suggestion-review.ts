import type { Organisation } from '@accord/coalition'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import type { MeetingPerson } from './find-suggestions.ts'
import { SuggestionReview } from './suggestion-review.ts'

/** The meeting's suggestion review: one per document, told of new organisations or dates. */
export function useSuggestionReview(
  doc: Y.Doc,
  organisations: readonly Organisation[],
  meetingDate: string,
  people: readonly MeetingPerson[],
): SuggestionReview {
  const [review] = useState(
    () =>
      new SuggestionReview(doc.getMap<string>('dismissed'), {
        organisations,
        meetingDate,
        people,
      }),
  )
  useEffect(
    () => review.setFacts({ organisations, meetingDate, people }),
    [review, organisations, meetingDate, people],
  )
  return review
}
