import path from 'node:path'
import fs from 'node:fs'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { serveStatic } from '@hono/node-server/serve-static'
import type { RoomServer } from '@accord/sync'
import type { Logger } from 'pino'
import { ApiError, handleError } from './http/api-error.ts'
import { meetingRoutes } from './meetings/routes.ts'
import type { SqliteStorage } from './storage/sqlite.ts'
import { syncRoutes } from './sync/routes.ts'

export interface AppDependencies {
  storage: SqliteStorage
  rooms: RoomServer
  logger: Logger
  maxRequestBytes: number
  maxBufferedBytes: number
  webDist: string | undefined
}

export function createApp({
  storage,
  rooms,
  logger,
  maxRequestBytes,
  maxBufferedBytes,
  webDist,
}: AppDependencies) {
  const app = new Hono()
  app.onError(handleError(logger))
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxRequestBytes,
      onError: () => {
        throw new ApiError(
          413,
          'too_large',
          `Request bodies are limited to ${maxRequestBytes} bytes.`,
        )
      },
    }),
  )
  app.get('/api/health', (c) => c.json({ ok: true }))
  app.route('/api/meetings', meetingRoutes(storage, storage))
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API route.')
  })
  app.route('/sync', syncRoutes(storage, rooms, { maxBufferedBytes, logger }))
  if (webDist) serveClient(app, webDist)
  return app
}

/** Serves the built client; any other path gets index.html so client-side routes load. */
function serveClient(app: Hono, webDist: string) {
  const root = path.relative(process.cwd(), webDist)
  const indexHtml = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8')
  app.use('/*', serveStatic({ root }))
  app.get('/*', (c) => c.html(indexHtml))
}
