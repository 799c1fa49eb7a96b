import { Hono } from 'hono'
import type { RoomServer } from '@accord/sync'
import type { AppEnv } from '../http/app-env.ts'
import type { Storage } from '../storage/storage.ts'

export interface ExportRoutesDependencies {
  storage: Storage
  rooms: RoomServer
  /** Where links in exports point: PUBLIC_ORIGIN's first origin, else the request's own. */
  publicOrigins: readonly string[] | undefined
}

/** Mounted at /api/coalitions/:cid: commitments, calendar feeds and the joint letter. */
export function coalitionExportRoutes(_deps: ExportRoutesDependencies) {
  return new Hono<AppEnv>()
}

/** Mounted at /api/meetings: a meeting's minutes as files. */
export function meetingExportRoutes(_deps: ExportRoutesDependencies) {
  return new Hono<AppEnv>()
}

/** Mounted at /calendar: the secret feed links calendar apps poll, without a session. */
export function calendarFeedRoutes(_deps: ExportRoutesDependencies) {
  return new Hono<AppEnv>()
}
