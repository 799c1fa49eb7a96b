import {
  meetingSchema,
  minutesVersionSchema,
  type Meeting,
  type MinutesVersion,
} from '@accord/minutes/meeting'
import type { JSONContent } from '@tiptap/core'
import { z } from 'zod'
import { request, segment } from '../api/request.ts'

/** The minutes' life after the meeting: approval, its versions, exports and the next meeting. */

const meetingBodySchema = z.object({ meeting: meetingSchema })
const versionsBodySchema = z.object({ versions: z.array(minutesVersionSchema) })
// The document is ProseMirror JSON; the read-only editor is what checks it against the schema.
const versionBodySchema = z.object({
  version: minutesVersionSchema,
  minutes: z.custom<JSONContent>((value) => typeof value === 'object' && value !== null),
})

export type { MinutesVersion }

export function approveMinutes(meetingId: string): Promise<Meeting> {
  return request(`/api/meetings/${segment(meetingId)}/approve`, meetingBodySchema, {
    method: 'POST',
  }).then((body) => body.meeting)
}

export function reopenMinutes(meetingId: string): Promise<Meeting> {
  return request(`/api/meetings/${segment(meetingId)}/reopen`, meetingBodySchema, {
    method: 'POST',
  }).then((body) => body.meeting)
}

/** Every approval and reopening of the minutes, as the server lists them. */
export function listVersions(meetingId: string, signal?: AbortSignal): Promise<MinutesVersion[]> {
  return request(`/api/meetings/${segment(meetingId)}/versions`, versionsBodySchema, {
    signal,
  }).then((body) => body.versions)
}

/** One approved version with the minutes exactly as they were approved. */
export function getVersion(
  meetingId: string,
  versionId: string,
  signal?: AbortSignal,
): Promise<{ version: MinutesVersion; minutes: JSONContent }> {
  return request(
    `/api/meetings/${segment(meetingId)}/versions/${segment(versionId)}`,
    versionBodySchema,
    { signal },
  )
}

/** Creates the next meeting from this one, carrying its agenda and the open actions. */
export function startNextMeeting(
  meetingId: string,
  input: { title: string; date: string },
): Promise<Meeting> {
  return request(`/api/meetings/${segment(meetingId)}/next`, meetingBodySchema, {
    method: 'POST',
    body: input,
  }).then((body) => body.meeting)
}

export type ExportFormat = 'docx' | 'md' | 'html'

/** The minutes as a file: the live draft, or one approved version. */
export function exportPath(meetingId: string, format: ExportFormat, versionId?: string): string {
  const query = versionId ? `?version=${encodeURIComponent(versionId)}` : ''
  return `/api/meetings/${segment(meetingId)}/export.${format}${query}`
}
