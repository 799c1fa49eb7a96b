import { describe, expect, it } from 'vitest'
import { testLedger } from './test-ledger.ts'
import { trendByMeeting } from './trend.ts'

describe('trendByMeeting', () => {
  it('counts actions where they were first minuted, and how many of those are done', () => {
    const ledger = testLedger([
      { raisedIn: 'm1', heldIn: 'm3', meetingIds: ['m1', 'm2', 'm3'] },
      { raisedIn: 'm1', status: 'done' },
      { raisedIn: 'm3', status: 'done' },
      { raisedIn: 'm3', status: 'dropped' },
    ])
    expect(trendByMeeting(ledger)).toEqual([
      { meetingId: 'm1', title: 'January call', date: '2026-01-13', raised: 2, done: 1 },
      { meetingId: 'm2', title: 'February call', date: '2026-02-10', raised: 0, done: 0 },
      { meetingId: 'm3', title: 'March call', date: '2026-03-10', raised: 2, done: 1 },
    ])
  })

  it('keeps meetings in date order and ignores actions of unknown meetings', () => {
    const ledger = testLedger([{ raisedIn: 'gone' }])
    ledger.meetings.reverse()
    expect(trendByMeeting(ledger).map((meeting) => [meeting.meetingId, meeting.raised])).toEqual([
      ['m1', 0],
      ['m2', 0],
      ['m3', 0],
    ])
  })
})
