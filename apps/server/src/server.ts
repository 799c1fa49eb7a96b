import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createAdaptorServer } from '@hono/node-server'
import { MINUTES_FIELD, minutesSchema } from '@accord/minutes'
import { encodeStructureChanged, RoomServer } from '@accord/sync'
import pino, { type Logger } from 'pino'
import { WebSocketServer, type ServerOptions as SocketServerOptions } from 'ws'
import { createApp } from './app.ts'
import type { Config } from './config.ts'
import { clientAddress } from './http/client-address.ts'
import { capWebSockets, ConnectionCap } from './http/connection-cap.ts'
import { closeTimedOutInBatches, handshakeTimeouts } from './http/handshake-timeout.ts'
import { RedisFanout } from './fanout/redis-fanout.ts'
import { followStatuses } from './meetings/read-only.ts'
import { ServerMetrics, type RoomCounts } from './operations/metrics.ts'
import type { Readiness } from './operations/readiness.ts'
import { catchUpProjections } from './projection/catch-up.ts'
import { loadMeetingContext } from './projection/context.ts'
import type { DebounceTiming } from './projection/debounce.ts'
import type { ProjectionStore } from './projection/projection-store.ts'
import { Projector } from './projection/projector.ts'
import { ExtractionPool, type ExtractionPoolOptions } from './projection/worker/pool.ts'
import { describeStorage, openStorage } from './storage/open-storage.ts'
import { LiveConnections } from './sync/live-connections.ts'

export interface RunningServer {
  /** The bound port: the real one when the config asked for port 0. */
  port: number
  url: string
  rooms: RoomServer
  /** Fan-out to other instances, when REDIS_URL is set; its counters are transport-level. */
  fanout: RedisFanout | undefined
  /** Open sync connections with the session and membership each was opened under. */
  live: LiveConnections
  /** Stops accepting, commits everything received, closes every socket and the database. */
  close(): Promise<void>
}

/** What tests change besides the configuration. */
export interface ServerOptions {
  projection?: {
    timing?: DebounceTiming
    /** Changes the extraction workers, e.g. a smaller heap so a long document ends one. */
    workers?: Partial<ExtractionPoolOptions>
    /** Wraps the projection store, e.g. to make it fail. */
    store?: (store: ProjectionStore) => ProjectionStore
  }
  /** Wraps the readiness checks, e.g. to make one fail. */
  readiness?: (checks: Readiness) => Readiness
}

const HEARTBEAT_MS = 30_000

export async function startServer(
  config: Config,
  logger: Logger = pino({ level: config.logLevel }),
  options: ServerOptions = {},
): Promise<RunningServer> {
  const storage = await openStorage(config, logger)
  const metrics = config.metrics ? new ServerMetrics((): RoomCounts => rooms) : undefined
  const projectionStore = options.projection?.store?.(storage.projection) ?? storage.projection
  // Started now, not awaited: the workers warm up while the server starts listening, and a
  // projection asked for meanwhile waits for the first of them.
  const extraction = new ExtractionPool({
    size: config.extractWorkers,
    timeoutMs: config.extractTimeoutMs,
    logger,
    ...options.projection?.workers,
  })
  const projector = new Projector({
    store: projectionStore,
    load: (meetingId) => storage.loadWithRevision(meetingId),
    context: (meetingId) => loadMeetingContext(storage, meetingId),
    extract: (meetingId, state, context) => extraction.project(meetingId, state, context),
    announce: (meetingId, version) => rooms.broadcast(meetingId, encodeStructureChanged(version)),
    logger,
    timing: options.projection?.timing,
    exclusive: (meetingId, task) => storage.withDocumentLock(meetingId, 'projection', task),
  })
  const fanout = config.redisUrl
    ? new RedisFanout({ url: config.redisUrl, prefix: config.redisPrefix, logger })
    : undefined
  const checks: Readiness = {
    database: () => storage.ping(),
    redis: fanout && (() => fanout.ping()),
  }
  const readiness = options.readiness?.(checks) ?? checks
  const rooms = new RoomServer({
    store: storage,
    fanout,
    maxMessageBytes: config.maxMessageBytes,
    compactAfter: config.compactAfterUpdates,
    commitIntervalMs: config.commitIntervalMs,
    awarenessIntervalMs: config.awarenessIntervalMs,
    logger,
    onCommitted: projector.committed,
    // Minutes stored without a room (an import, the demo) get their structure on first open.
    onLoaded: projector.committed,
    onUnload: projector.unloaded,
    onAcknowledged: metrics?.acknowledged,
    exclusive: (docName, task) => storage.withDocumentLock(docName, 'compaction', task),
    contentSchema: { field: MINUTES_FIELD, schema: minutesSchema() },
  })
  const socketOptions: SocketServerOptions & { closeTimeout: number } = {
    noServer: true,
    maxPayload: config.maxMessageBytes,
    // A peer that never answers the server's close (a refused, unauthenticated socket, say) is
    // dropped after this rather than ws's default 30 s. ws 8.23 takes it; @types/ws lacks it.
    closeTimeout: config.handshakeTimeoutMs,
  }
  const sockets = new WebSocketServer(socketOptions)
  const live = new LiveConnections()
  const { app, accessCheck } = createApp({
    config,
    storage,
    projection: projectionStore,
    rooms,
    // Projects the document once everything received for it is stored; resolves once stored.
    projectNow: async (meetingId) => {
      try {
        await rooms.read(meetingId, () => undefined)
        await projector.project(meetingId)
      } catch (error) {
        logger.error({ meetingId, err: error }, 'could not project the minutes now')
        throw error
      }
    },
    reviewMinutes: (minutes, context) => extraction.review(minutes, context),
    renderMinutes: (request) => extraction.render(request),
    imports: {
      readImport: (input) => extraction.readImport(input),
      // An imported meeting has no room: its structure is read from storage, in a worker,
      // rather than by loading a room, which applies the whole document on this thread.
      projectStored: (meetingId) => projector.project(meetingId),
    },
    live,
    logger,
    readiness,
    metrics,
  })
  const openSockets = new ConnectionCap(config.maxConnectionsPerAddress, (address) =>
    logger.warn(
      { address, max: config.maxConnectionsPerAddress },
      'refusing websockets from an address at MAX_CONNECTIONS_PER_ADDRESS until some close',
    ),
  )
  const server = createAdaptorServer({
    fetch: capWebSockets(app.fetch, openSockets, (c) => clientAddress(c, config.trustProxy)),
    websocket: { server: sockets },
    serverOptions: handshakeTimeouts(config.handshakeTimeoutMs),
  }) as Server
  closeTimedOutInBatches(server)
  const stopHeartbeat = heartbeat(sockets)
  const checkAccess = setInterval(() => {
    live
      .check(accessCheck)
      .catch((error: unknown) => logger.error({ err: error }, 'checking open connections failed'))
    // Minutes approved or reopened on another instance: this one's rooms follow within a check.
    followStatuses(storage.meetings, rooms, live.meetingIds()).catch((error: unknown) =>
      logger.error({ err: error }, 'checking the status of open meetings failed'),
    )
  }, config.sessionCheckMs)
  checkAccess.unref()

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(config.port, config.host, () => resolve())
    })
  } catch (error) {
    // A taken port, say: let go of everything opened, or a database pool keeps the process alive.
    stopHeartbeat()
    clearInterval(checkAccess)
    await rooms.close()
    await fanout?.close()
    await projector.close()
    await extraction.close()
    await storage.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
  logger.info({ url, storage: describeStorage(config) }, 'Accord is listening')
  // Meetings changed after their last projection, by a server that crashed before projecting.
  const catchUp = catchUpProjections({
    behind: () => projectionStore.listMeetingsBehind(),
    project: (meetingId) => projector.project(meetingId),
    concurrency: config.extractWorkers,
    logger,
  })

  let closing: Promise<void> | undefined
  const close = () =>
    (closing ??= (async () => {
      extraction.drain()
      catchUp.stop()
      stopHeartbeat()
      clearInterval(checkAccess)
      const stopped = new Promise((resolve) => server.close(resolve))
      await rooms.close()
      await fanout?.close()
      // Closing the rooms projected each one; the database must outlive those writes.
      await projector.close()
      await catchUp.done
      await extraction.close()
      for (const socket of sockets.clients) socket.terminate()
      server.closeAllConnections()
      await stopped
      await storage.close()
      logger.info('Accord stopped')
    })())

  return { port, url, rooms, fanout, live, close }
}

/** Pings every socket; one that missed the previous ping is a dead peer and is dropped. */
function heartbeat(sockets: WebSocketServer): () => void {
  const alive = new WeakSet<object>()
  sockets.on('connection', (socket) => {
    alive.add(socket)
    socket.on('pong', () => alive.add(socket))
  })
  const timer = setInterval(() => {
    for (const socket of sockets.clients) {
      if (!alive.has(socket)) {
        socket.terminate()
        continue
      }
      alive.delete(socket)
      socket.ping()
    }
  }, HEARTBEAT_MS)
  timer.unref()
  return () => clearInterval(timer)
}
