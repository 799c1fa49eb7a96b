import type { Meeting, MeetingPatch } from '@accord/minutes'

export interface MeetingStore {
  createMeeting(meeting: Meeting): Promise<Meeting>
  getMeeting(id: string): Promise<Meeting | undefined>
  listMeetings(coalitionId: string): Promise<Meeting[]>
  updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting | undefined>
  setAttendance(id: string, organisationIds: readonly string[]): Promise<Meeting | undefined>
}
