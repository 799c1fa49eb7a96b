export { MINUTES_FIELD, minutesExtensions, minutesSchema } from './schema.ts'
export { readMinutes, type MinutesContent } from './read-minutes.ts'
export {
  meetingIdSchema,
  meetingSchema,
  newMeetingSchema,
  type Meeting,
  type NewMeeting,
} from './meeting.ts'
