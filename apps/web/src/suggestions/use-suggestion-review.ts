import { DISMISSED_FIELD } from '@accord/minutes'
import { useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { SuggestionReview, type MeetingFacts } from './suggestion-review.ts'

/** The meeting's suggestion review: one per document, told of new organisations or dates. */
export function useSuggestionReview(doc: Y.Doc, facts: MeetingFacts): SuggestionReview {
  const [review] = useState(() => new SuggestionReview(doc.getMap<string>(DISMISSED_FIELD), facts))
  const { organisations, meetingDate, people, coalitionName, nextMeetingDate } = facts
  useEffect(
    () => review.setFacts({ organisations, meetingDate, people, coalitionName, nextMeetingDate }),
    [review, organisations, meetingDate, people, coalitionName, nextMeetingDate],
  )
  return review
}
