import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import type { ExtractContext } from './extract-contract.ts'

/** What extract needs to know of a meeting besides its minutes; dismissed keys come from the doc. */
export type MeetingContext = Omit<ExtractContext, 'dismissed'>

/**
 * The meeting's date, its coalition's organisations and members (people, each with the
 * organisation they speak for). Undefined for a meeting no coalition owns: nothing to project.
 */
export async function loadMeetingContext(
  { meetings, coalitions }: { meetings: MeetingStore; coalitions: CoalitionStore },
  meetingId: string,
): Promise<MeetingContext | undefined> {
  const meeting = await meetings.getMeeting(meetingId)
  if (!meeting) return undefined
  const [organisations, members] = await Promise.all([
    coalitions.listOrganisations(meeting.coalitionId),
    coalitions.listMembers(meeting.coalitionId),
  ])
  return {
    meetingDate: meeting.date,
    organisations,
    people: members.map(({ personId, name, organisationId }) => ({
      id: personId,
      name,
      organisationId,
    })),
  }
}
