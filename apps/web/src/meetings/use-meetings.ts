import { nextMeetingDate, type Meeting } from '@accord/minutes/meeting'
import { useCallback } from 'react'
import { getCoalition, type CoalitionView } from '../api/coalitions.ts'
import { getMeeting, listMeetings } from '../api/meetings.ts'
import { listMembers } from '../api/members.ts'
import { useApi } from '../api/use-api.ts'

export function useMeetings(coalitionId: string) {
  const load = useCallback(
    (signal: AbortSignal) => listMeetings(coalitionId, signal),
    [coalitionId],
  )
  return useApi(load)
}

export interface MeetingView extends CoalitionView {
  meeting: Meeting
  /** Who is who: suggestions read "Priya will…" as owed by Priya's organisation. */
  people: { id: string; name: string; organisationId: string }[]
  /** The coalition's next meeting after this one (YYYY-MM-DD), or null: "by the next meeting". */
  nextMeetingDate: string | null
}

/** The meeting with its coalition: organisations for attendance, members, the person's role. */
export function useMeetingView(meetingId: string) {
  const load = useCallback(
    async (signal: AbortSignal): Promise<MeetingView> => {
      const meeting = await getMeeting(meetingId, signal)
      const [coalition, members, meetings] = await Promise.all([
        getCoalition(meeting.coalitionId, signal),
        listMembers(meeting.coalitionId, signal),
        // Only a date for "by the next meeting": the page opens without it should this fail.
        listMeetings(meeting.coalitionId, signal).catch(() => []),
      ])
      const people = members.map(({ personId, name, organisationId }) => ({
        id: personId,
        name,
        organisationId,
      }))
      return {
        meeting,
        ...coalition,
        people,
        nextMeetingDate: nextMeetingDate(meeting.date, meetings),
      }
    },
    [meetingId],
  )
  return useApi(load)
}
