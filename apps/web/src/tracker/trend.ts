import type { Ledger } from '@accord/minutes/ledger'

/** Per meeting, oldest first: the actions first minuted there, and how many of those are done. */
export interface MeetingTrend {
  meetingId: string
  title: string
  date: string
  raised: number
  done: number
}

export function trendByMeeting(ledger: Pick<Ledger, 'meetings' | 'actions'>): MeetingTrend[] {
  const trend = new Map<string, MeetingTrend>(
    ledger.meetings.map(({ id, title, date }) => [
      id,
      { meetingId: id, title, date, raised: 0, done: 0 },
    ]),
  )
  for (const action of ledger.actions) {
    const meeting = trend.get(action.raisedIn)
    if (!meeting) continue
    meeting.raised += 1
    if (action.status === 'done') meeting.done += 1
  }
  // The ledger lists meetings oldest first; sorting again keeps that true for any input.
  return [...trend.values()].sort((a, b) => a.date.localeCompare(b.date))
}
