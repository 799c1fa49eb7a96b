import { z } from 'zod'

export const meetingIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a meeting id')

export const newMeetingSchema = z.object({
  title: z
    .string({ message: 'title is required' })
    .trim()
    .min(1, 'title is required')
    .max(200, 'title must be at most 200 characters'),
  date: z.iso.date({ message: 'date must be a calendar date as YYYY-MM-DD' }),
})

export type NewMeeting = z.infer<typeof newMeetingSchema>

export const meetingSchema = newMeetingSchema.extend({
  id: meetingIdSchema,
  createdAt: z.iso.datetime(),
})

export type Meeting = z.infer<typeof meetingSchema>
