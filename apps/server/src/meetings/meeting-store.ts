import type { Meeting } from '@accord/minutes'

export interface MeetingStore {
  createMeeting(meeting: Meeting): Meeting
  getMeeting(id: string): Meeting | undefined
  listMeetings(): Meeting[]
}
