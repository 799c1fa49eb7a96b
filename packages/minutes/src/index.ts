export { MINUTES_FIELD, minutesExtensions, minutesSchema } from './schema.ts'
export { readMinutes, type MinutesContent } from './read-minutes.ts'
export { importMinutes, importMinutesToUpdate, type MinutesFormat } from './import-minutes.ts'
export * from './meeting.ts'
