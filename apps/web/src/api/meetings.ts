import { meetingSchema, type Meeting, type NewMeeting } from '@accord/minutes/meeting'
import { z } from 'zod'
import { request, segment } from './request.ts'
import { uploadForm } from './upload.ts'

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

/** What an import sends: a file, or pasted text; the title may be left to the minutes. */
export interface MinutesImport {
  file?: File | undefined
  text?: string | undefined
  title: string
  date: string
}

/**
 * Creates a meeting holding existing minutes, from a .txt, .md or .docx file or pasted text.
 * `onProgress` hears how much of the upload has been sent (0–1).
 */
export function importMeeting(
  coalitionId: string,
  input: MinutesImport,
  onProgress: (fraction: number) => void = () => {},
): Promise<Meeting> {
  const form = new FormData()
  if (input.file) form.append('file', input.file)
  if (input.text) form.append('text', input.text)
  form.append('title', input.title)
  form.append('date', input.date)
  return uploadForm(
    `/api/coalitions/${segment(coalitionId)}/meetings/import`,
    form,
    meetingBodySchema,
    onProgress,
  ).then((body) => body.meeting)
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
