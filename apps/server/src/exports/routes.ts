export { calendarFeedRoutes } from './calendar-feeds.ts'
export { coalitionExportRoutes } from './coalition-exports.ts'
export type { ExportRoutesDependencies } from './dependencies.ts'
export { meetingExportRoutes } from './meeting-exports.ts'
