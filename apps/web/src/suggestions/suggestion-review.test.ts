import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SuggestionReview } from './suggestion-review.ts'

function review() {
  const doc = new Y.Doc()
  return new SuggestionReview(doc.getMap<string>('dismissed'), {
    meetingDate: '2025-03-04',
    people: [],
    organisations: [],
  })
}

describe('SuggestionReview', () => {
  it('records a dismissal in the Y.Map with the time, and hands the keys to the extractor', () => {
    const subject = review()
    subject.dismiss('action:abc', new Date('2025-03-04T10:00:00Z'))
    expect(subject.dismissed.get('action:abc')).toBe('2025-03-04T10:00:00.000Z')
    expect(subject.context().dismissed).toEqual(['action:abc'])
  })

  it('closes the popover when dismissing', () => {
    const subject = review()
    subject.popover.show(
      {
        kind: 'decision',
        item: {
          key: 'k',
          origin: 'suggested',
          text: 't',
          source: { from: 1, to: 2, text: 't' },
          reason: '',
        },
      },
      false,
    )
    subject.dismiss('k')
    expect(subject.popover.getSnapshot()).toBeNull()
  })

  it('accepts nothing without an editor', () => {
    const subject = review()
    expect(subject.accept('k')).toBe(false)
    expect(subject.acceptAll()).toBe(false)
  })
})
