import { describe, expect, it } from 'vitest'
import { nextMeetingDate } from './next-meeting-date.ts'

const meeting = { id: 'm2', date: '2025-03-04' }

describe('nextMeetingDate', () => {
  it('is the earliest other meeting dated after this one', () => {
    const meetings = [
      { id: 'm1', date: '2025-02-04' },
      meeting,
      { id: 'm4', date: '2025-05-06' },
      { id: 'm3', date: '2025-04-01' },
    ]
    expect(nextMeetingDate(meeting, meetings)).toBe('2025-04-01')
  })

  it('is null when no later meeting is planned, a meeting the same day not counting', () => {
    expect(nextMeetingDate(meeting, [meeting, { id: 'm0', date: '2025-03-04' }])).toBeNull()
    expect(nextMeetingDate(meeting, [])).toBeNull()
  })
})
