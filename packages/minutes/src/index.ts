// The editor loads this index for the schema, so heavier parts have subpaths of their own:
// `@accord/minutes/import` (markdown-it), `/extract` and `/dates` (chrono-node).
export { DISMISSED_FIELD, MINUTES_FIELD, minutesExtensions, minutesSchema } from './schema.ts'
export { minutesNode, readMinutes, type MinutesContent } from './read-minutes.ts'
export * from './meeting.ts'
