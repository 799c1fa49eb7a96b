import type { Meeting } from '@accord/minutes/meeting'
import { useCallback } from 'react'
import { getCoalition, type CoalitionView } from '../api/coalitions.ts'
import { getMeeting, listMeetings } from '../api/meetings.ts'
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
}

/** The meeting with its coalition: the organisations for attendance, the person's role. */
export function useMeetingView(meetingId: string) {
  const load = useCallback(
    async (signal: AbortSignal): Promise<MeetingView> => {
      const meeting = await getMeeting(meetingId, signal)
      return { meeting, ...(await getCoalition(meeting.coalitionId, signal)) }
    },
    [meetingId],
  )
  return useApi(load)
}
