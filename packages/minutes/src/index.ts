// Markdown and plain-text import has its own subpath, `@accord/minutes/import`: the editor
// loads this index for the schema and must not carry markdown-it with it.
export { MINUTES_FIELD, minutesExtensions, minutesSchema } from './schema.ts'
export { readMinutes, type MinutesContent } from './read-minutes.ts'
export * from './meeting.ts'
