import { meetingSchema, type Meeting, type NewMeeting } from '@accord/minutes/meeting'
import { z } from 'zod'
import { request, segment } from './request.ts'

const meetingBodySchema = z.object({ meeting: meetingSchema })
const meetingsBodySchema = z.object({ meetings: z.array(meetingSchema) })

/** The coalition's meetings, newest first. */
export function listMeetings(coalitionId: string, signal?: AbortSignal): Promise<Meeting[]> {
  return request(`/api/coalitions/${segment(coalitionId)}/meetings`, meetingsBodySchema, {
    signal,
  }).then((body) => body.meetings)
}

export function createMeeting(coalitionId: string, input: NewMeeting): Promise<Meeting> {
  return request(`/api/coalitions/${segment(coalitionId)}/meetings`, meetingBodySchema, {
    method: 'POST',
    body: input,
  }).then((body) => body.meeting)
}

export function getMeeting(id: string, signal?: AbortSignal): Promise<Meeting> {
  return request(`/api/meetings/${segment(id)}`, meetingBodySchema, { signal }).then(
    (body) => body.meeting,
  )
}

/** Replaces the list of organisations that attended. */
export function setAttendance(id: string, organisationIds: string[]): Promise<Meeting> {
  return request(`/api/meetings/${segment(id)}/attendance`, meetingBodySchema, {
    method: 'PUT',
    body: { organisationIds },
  }).then((body) => body.meeting)
}
