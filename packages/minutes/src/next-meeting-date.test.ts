import { describe, expect, it } from 'vitest'
import { nextMeetingDate } from './meeting.ts'

describe('nextMeetingDate', () => {
  it('is the earliest meeting dated after this one', () => {
    const meetings = [
      { date: '2025-02-04' },
      { date: '2025-03-04' },
      { date: '2025-05-06' },
      { date: '2025-04-01' },
    ]
    expect(nextMeetingDate('2025-03-04', meetings)).toBe('2025-04-01')
  })

  it('is null when no later meeting is planned, a meeting the same day not counting', () => {
    expect(
      nextMeetingDate('2025-03-04', [{ date: '2025-03-04' }, { date: '2025-03-04' }]),
    ).toBeNull()
    expect(nextMeetingDate('2025-03-04', [])).toBeNull()
  })
})
