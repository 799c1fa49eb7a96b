import { plainName } from '@accord/coalition'
import { z } from 'zod'

export const meetingIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a meeting id')

const title = plainName('title', 200, 'Titles')

const date = z.iso.date({ message: 'date must be a calendar date as YYYY-MM-DD' })

export const newMeetingSchema = z.object({ title, date })
export type NewMeeting = z.infer<typeof newMeetingSchema>

export const meetingPatchSchema = z
  .object({ title, date })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one of title, date')
export type MeetingPatch = z.infer<typeof meetingPatchSchema>

/** Which of the coalition's organisations were at the meeting. */
export const attendanceSchema = z.object({
  organisationIds: z
    .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an organisation id'), {
      message: 'organisationIds must be a list of organisation ids',
    })
    .max(500)
    .transform((ids) => [...new Set(ids)]),
})
export type Attendance = z.infer<typeof attendanceSchema>

/** Approved minutes are read-only until a chair reopens them. */
export const meetingStatusSchema = z.enum(['draft', 'approved'])
export type MeetingStatus = z.infer<typeof meetingStatusSchema>

export const meetingSchema = newMeetingSchema.extend({
  id: meetingIdSchema,
  coalitionId: z.string(),
  status: meetingStatusSchema,
  /** Ids of the organisations that attended. */
  attendance: z.array(z.string()),
  createdAt: z.iso.datetime(),
})
export type Meeting = z.infer<typeof meetingSchema>

/** A chair approving the minutes (with the document as approved) or reopening them. */
export const minutesVersionSchema = z.object({
  id: z.string(),
  meetingId: z.string(),
  kind: z.enum(['approved', 'reopened']),
  personId: z.string(),
  personName: z.string(),
  /** ISO time */
  at: z.string(),
})
export type MinutesVersion = z.infer<typeof minutesVersionSchema>

/**
 * The coalition's next meeting after one dated `date`: the earliest later date among
 * `meetings` (YYYY-MM-DD), or null when none is planned. "By the next meeting" in the minutes
 * resolves to it, in the browser and on the server alike. A second meeting the same day is not
 * "the next meeting" anyone means by a deadline.
 */
export function nextMeetingDate(
  date: string,
  meetings: readonly { date: string }[],
): string | null {
  let next: string | null = null
  // YYYY-MM-DD strings order as dates.
  for (const other of meetings) {
    if (other.date > date && (next === null || other.date < next)) next = other.date
  }
  return next
}
