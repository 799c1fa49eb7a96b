import type { Meeting, MeetingPatch, MinutesVersion } from '@accord/minutes'

/** What an approval or reopening did: changed the status, found it already so, or no meeting. */
export type StatusChange = 'changed' | 'unchanged' | 'missing'

export interface MeetingStore {
  createMeeting(meeting: Meeting): Promise<Meeting>
  getMeeting(id: string): Promise<Meeting | undefined>
  listMeetings(coalitionId: string): Promise<Meeting[]>
  updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting | undefined>
  setAttendance(id: string, organisationIds: readonly string[]): Promise<Meeting | undefined>
  /**
   * Draft → approved, recording the version with the document as approved (a Yjs update), in
   * one transaction. Only from draft: of two chairs approving at once, one changes it.
   */
  approve(
    meetingId: string,
    version: { id: string; snapshot: Uint8Array; personId: string; at: string },
  ): Promise<StatusChange>
  /** Approved → draft, recording who reopened the minutes and when. Only from approved. */
  reopen(
    meetingId: string,
    record: { id: string; personId: string; at: string },
  ): Promise<StatusChange>
  /** Every approval and reopening of the meeting's minutes, oldest first. */
  listVersions(meetingId: string): Promise<MinutesVersion[]>
  /** The document as it was approved in that version; undefined for a reopening or no such one. */
  getSnapshot(meetingId: string, versionId: string): Promise<Uint8Array | undefined>
}
