import { nextMeetingDate } from '@accord/minutes/meeting'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import type { ExtractContext } from './extract-contract.ts'

/** What extract needs to know of a meeting besides its minutes; dismissed keys come from the doc. */
export type MeetingContext = Omit<ExtractContext, 'dismissed'>

/**
 * The meeting's date, its coalition's name, organisations and members (people, each with the
 * organisation they speak for), and the date of the coalition's next meeting after this one,
 * so "by the next meeting" resolves. Undefined for a meeting no coalition owns: nothing to
 * project.
 */
export async function loadMeetingContext(
  { meetings, coalitions }: { meetings: MeetingStore; coalitions: CoalitionStore },
  meetingId: string,
): Promise<MeetingContext | undefined> {
  const meeting = await meetings.getMeeting(meetingId)
  if (!meeting) return undefined
  const [coalition, organisations, members, others] = await Promise.all([
    coalitions.getCoalition(meeting.coalitionId),
    coalitions.listOrganisations(meeting.coalitionId),
    coalitions.listMembers(meeting.coalitionId),
    meetings.listMeetings(meeting.coalitionId),
  ])
  return {
    meetingDate: meeting.date,
    coalitionName: coalition?.name,
    nextMeetingDate: nextMeetingDate(meeting.date, others),
    organisations,
    people: members.map(({ personId, name, organisationId }) => ({
      id: personId,
      name,
      organisationId,
    })),
  }
}
