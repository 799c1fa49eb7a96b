import { Hono } from 'hono'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'

/** What the gauges read at each scrape; RoomServer has all of them. */
export interface RoomCounts {
  readonly connectionCount: number
  readonly roomCount: number
  /** Fan-out counters (RoomServer.fanoutStats); undefined without REDIS_URL. */
  readonly fanoutStats?:
    | Readonly<{ publishes: number; publishTurns: number; maxPublishesPerRoomPerTurn: number }>
    | undefined
}

/** An acknowledgement is an fsync away: most take milliseconds, a slow disk shows above 0.1 s. */
const ACK_BUCKETS_SECONDS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5]

let processRegistry: Registry | undefined

/**
 * The process's own metrics (CPU, memory, event loop, GC) belong to the process, not to a
 * server in it: collected once, into a registry every server's is merged with.
 */
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry()
    collectDefaultMetrics({ register: processRegistry })
  }
  return processRegistry
}

/**
 * One server's metrics, in a registry of its own rather than prom-client's global one, so two
 * servers in one process (tests) each count their own.
 */
export class ServerMetrics {
  readonly registry: Registry
  private readonly updates: Counter
  private readonly ackLatency: Histogram

  constructor(rooms: () => RoomCounts) {
    const own = new Registry()
    new Gauge({
      name: 'accord_connections',
      help: 'Open sync connections (websockets editing or reading a meeting).',
      registers: [own],
      collect() {
        this.set(rooms().connectionCount)
      },
    })
    new Gauge({
      name: 'accord_rooms',
      help: 'Meetings loaded in memory: at least one connection, or updates still being stored.',
      registers: [own],
      collect() {
        this.set(rooms().roomCount)
      },
    })
    // Read-only views of RoomServer.fanoutStats, which only grow; 0 without REDIS_URL.
    new Gauge({
      name: 'accord_fanout_publishes_total',
      help: 'Fan-out messages published to other instances (at most one per room per turn).',
      registers: [own],
      collect() {
        this.set(rooms().fanoutStats?.publishes ?? 0)
      },
    })
    new Gauge({
      name: 'accord_fanout_publish_turns_total',
      help: 'Event-loop turns in which anything was published to other instances.',
      registers: [own],
      collect() {
        this.set(rooms().fanoutStats?.publishTurns ?? 0)
      },
    })
    new Gauge({
      name: 'accord_fanout_max_publishes_per_room_per_turn',
      help: 'The most fan-out messages one room published in one turn since start (1 when healthy).',
      registers: [own],
      collect() {
        this.set(rooms().fanoutStats?.maxPublishesPerRoomPerTurn ?? 0)
      },
    })
    this.updates = new Counter({
      name: 'accord_updates_total',
      help: 'Content updates committed to storage; its rate is updates per second.',
      registers: [own],
    })
    this.ackLatency = new Histogram({
      name: 'accord_ack_latency_seconds',
      help: 'Per commit: from the arrival of its oldest frame to its durable acknowledgement.',
      buckets: ACK_BUCKETS_SECONDS,
      registers: [own],
    })
    this.registry = Registry.merge([processMetrics(), own])
  }

  /** RoomServer's onAcknowledged. */
  readonly acknowledged = (latencyMs: number, updates: number): void => {
    this.ackLatency.observe(latencyMs / 1000)
    if (updates > 0) this.updates.inc(updates)
  }
}

/**
 * `GET /metrics` in Prometheus' text format, without sign-in: keep it off the public internet
 * (the README's nginx example only lets the monitoring network reach it). Turned off, 404.
 */
export function metricsRoutes(metrics: ServerMetrics | undefined) {
  const routes = new Hono<AppEnv>()
  if (!metrics) {
    return routes.all('*', () => {
      throw new ApiError(404, 'not_found', 'No such route.')
    })
  }
  return routes.get('/', async (c) => {
    const body = await metrics.registry.metrics()
    return c.body(body, 200, { 'content-type': metrics.registry.contentType })
  })
}
