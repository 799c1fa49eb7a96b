import type { Context } from 'hono'
import type { RoomServer } from '@accord/sync'
import type { Storage } from '../storage/storage.ts'
import type { RenderMinutes } from './render-minutes.ts'

export interface ExportRoutesDependencies {
  storage: Storage
  rooms: RoomServer
  /** Where links in exports point: PUBLIC_ORIGIN's first origin, else the request's own. */
  publicOrigins: readonly string[] | undefined
  renderMinutes: RenderMinutes
}

/**
 * The origin that makes links in exports and feed URLs absolute: a spreadsheet, a calendar or a
 * Word file opened elsewhere cannot resolve a path. Behind a proxy, set PUBLIC_ORIGIN; without
 * it this is the origin the request was addressed to.
 */
export function linkOrigin(c: Context, publicOrigins: readonly string[] | undefined): string {
  return publicOrigins?.[0] ?? new URL(c.req.url).origin
}

/** Today as the server sees it, in UTC: the day overdue is judged against and files are named. */
export function today(): string {
  return new Date().toISOString().slice(0, 10)
}
