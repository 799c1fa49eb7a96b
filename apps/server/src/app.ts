import path from 'node:path'
import fs from 'node:fs'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { except } from 'hono/combine'
import { serveStatic } from '@hono/node-server/serve-static'
import type { RoomServer } from '@accord/sync'
import type { Logger } from 'pino'
import { authRoutes, meRoutes } from './accounts/routes.ts'
import { Sessions } from './accounts/sessions.ts'
import { caps } from './coalitions/caps.ts'
import { coalitionRoutes } from './coalitions/routes.ts'
import type { Config } from './config.ts'
import type { ReviewMinutes } from './demo/review-minutes.ts'
import { demoRoutes } from './demo/routes.ts'
import type { RenderMinutes } from './exports/render-minutes.ts'
import { calendarFeedRoutes, coalitionExportRoutes, meetingExportRoutes } from './exports/routes.ts'
import { ApiError, handleError } from './http/api-error.ts'
import type { AppEnv } from './http/app-env.ts'
import { clientAddress } from './http/client-address.ts'
import { checkHost } from './http/allowed-host.ts'
import { requireJson } from './http/json-content-type.ts'
import { noStore } from './http/no-store.ts'
import { checkOrigin } from './http/origin.ts'
import { rateLimits } from './http/rate-limits.ts'
import { securityHeaders } from './http/security-headers.ts'
import { MEETING_IMPORT_PATH, type MeetingImportDependencies } from './imports/routes.ts'
import { coalitionInviteRoutes, publicInviteRoutes } from './invites/routes.ts'
import { ledgerRoutes } from './ledger/routes.ts'
import { meetingLifecycleRoutes } from './meetings/lifecycle-routes.ts'
import { coalitionMeetingRoutes, meetingRoutes } from './meetings/routes.ts'
import { auditLog } from './operations/audit.ts'
import { metricsRoutes, type ServerMetrics } from './operations/metrics.ts'
import { healthRoutes, type Readiness } from './operations/readiness.ts'
import type { ProjectionStore } from './projection/projection-store.ts'
import type { Storage } from './storage/storage.ts'
import type { AccessCheck, LiveConnections } from './sync/live-connections.ts'
import { syncRoutes } from './sync/routes.ts'

export interface AppDependencies {
  config: Config
  storage: Storage
  /** Where the structure of the minutes is read from; storage.projection unless a test wraps it. */
  projection?: ProjectionStore
  rooms: RoomServer
  /** Stores a meeting's structure from its document now, e.g. right after a server-side edit. */
  projectNow: (meetingId: string) => Promise<void>
  /** The demo's reviewed minutes, extracted in a worker. */
  reviewMinutes: ReviewMinutes
  /** A meeting's stored minutes read and written out, in a worker (exports/render-minutes.ts). */
  renderMinutes: RenderMinutes
  /** An import's work off the server's thread: reading the minutes, projecting them stored. */
  imports: Pick<MeetingImportDependencies, 'readImport' | 'projectStored'>
  live: LiveConnections
  logger: Logger
  /** The checks behind /api/ready. */
  readiness: Readiness
  /** Served at /metrics; undefined when METRICS is off. */
  metrics?: ServerMetrics
}

export function createApp({
  config,
  storage,
  projection = storage.projection,
  rooms,
  projectNow,
  reviewMinutes,
  renderMinutes,
  imports,
  live,
  logger,
  readiness,
  metrics,
}: AppDependencies) {
  const { accounts, coalitions, invites, meetings } = storage
  const sessions = new Sessions(accounts, {
    lifetimeMs: config.sessionLifetimeMs,
    secure: config.publicOrigins?.some((origin) => origin.startsWith('https:')) ?? false,
  })
  const limits = rateLimits(config.rateLimits)
  // Handed to the routes whose events an operator looks back at (operations/audit.ts).
  const audit = auditLog(logger)
  const personCaps = caps(config.caps, { coalitions, meetings })
  const addressOf = (c: Parameters<typeof clientAddress>[0]) => clientAddress(c, config.trustProxy)
  const documents = storage
  const accessCheck: AccessCheck = {
    sessionIsLive: (hash) => sessions.isLive(hash),
    roleOf: async (personId, coalitionId) =>
      (await coalitions.findMembership(personId, coalitionId))?.role,
  }

  const app = new Hono<AppEnv>()
  app.onError(handleError(logger))
  app.use(securityHeaders({ publicOrigins: config.publicOrigins }))
  // Every path: the API, the websocket, calendar feeds, metrics and the client's pages.
  app.use(checkHost({ boundHost: config.host, publicOrigins: config.publicOrigins }))
  app.use('/api/*', noStore())
  app.use(
    '/api/*',
    // The import route takes uploads and applies its own, larger limit (MAX_IMPORT_BYTES).
    except(
      MEETING_IMPORT_PATH,
      bodyLimit({
        maxSize: config.maxRequestBytes,
        onError: () => {
          throw new ApiError(
            413,
            'too_large',
            `Request bodies are limited to ${config.maxRequestBytes} bytes.`,
          )
        },
      }),
    ),
  )
  app.use('/api/*', checkOrigin(config.publicOrigins))
  // Uploads are multipart; the import route reads its own form.
  app.use('/api/*', except(MEETING_IMPORT_PATH, requireJson()))
  app.use('/api/*', sessions.middleware())
  app.use('/sync/*', sessions.middleware())
  app.route('/api', healthRoutes(readiness, logger))
  app.route(
    '/api/auth',
    authRoutes({ accounts, coalitions, sessions, limits, live, addressOf, audit }),
  )
  app.route('/api/me', meRoutes({ coalitions }))
  app.route('/api/coalitions', coalitionRoutes({ coalitions, live, audit, caps: personCaps }))
  const inviteDeps = { accounts, coalitions, invites, limits, addressOf }
  app.route('/api/coalitions/:cid/invites', coalitionInviteRoutes(inviteDeps))
  app.route(
    '/api/coalitions/:cid/meetings',
    coalitionMeetingRoutes({
      meetings,
      coalitions,
      documents,
      maxImportBytes: config.maxImportBytes,
      maxImportsAtOnce: config.maxImportsAtOnce,
      ...imports,
      audit,
      caps: personCaps,
    }),
  )
  app.route('/api/invites', publicInviteRoutes(inviteDeps))
  app.route(
    '/api/meetings',
    meetingRoutes({ meetings, coalitions, documents, projection, renderMinutes }),
  )
  app.route(
    '/api/meetings',
    meetingLifecycleRoutes({ storage, rooms, projectNow, audit, caps: personCaps }),
  )
  const exportDeps = { storage, rooms, publicOrigins: config.publicOrigins, renderMinutes }
  app.route('/api/meetings', meetingExportRoutes(exportDeps))
  app.route('/api/coalitions/:cid', ledgerRoutes({ storage, rooms, projectNow }))
  app.route('/api/coalitions/:cid', coalitionExportRoutes(exportDeps))
  app.route('/api/demo', demoRoutes({ storage, projectNow, reviewMinutes, caps: personCaps }))
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'No such API route.')
  })
  app.route('/metrics', metricsRoutes(metrics))
  app.route('/calendar', calendarFeedRoutes(exportDeps))
  app.route(
    '/sync',
    syncRoutes({
      meetings,
      coalitions,
      rooms,
      live,
      accessCheck,
      limits,
      addressOf,
      allowedOrigins: config.publicOrigins,
      maxBufferedBytes: config.maxBufferedBytes,
      editBytesPerMinute: config.editBytesPerMinute,
      logger,
    }),
  )
  if (config.webDist) serveClient(app, config.webDist)
  return { app, accessCheck }
}

/** Serves the built client; any other path gets index.html so client-side routes load. */
function serveClient(app: Hono<AppEnv>, webDist: string) {
  const root = path.relative(process.cwd(), webDist)
  const indexHtml = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8')
  app.use('/*', serveStatic({ root }))
  app.get('/*', (c) => c.html(indexHtml))
}
