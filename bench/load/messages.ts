/**
 * What crosses the IPC channel between the orchestrator (bench/run.ts) and a load generator.
 * The parameters travel as one JSON argument; the generator answers with messages:
 *   connected  every client has synced; the writer starts now
 *   window     the measured window starts or ends (the orchestrator reads server CPU then)
 *   result     everything measured, once the deliveries have drained
 */
import type { Summary } from '../stats.ts'
import type { Protocol } from './clients.ts'

export interface LoadParams {
  /** The y-websocket `serverUrl` and room of the server under test. */
  syncUrl: string
  protocol: Protocol
  room: string
  /** Sent with every websocket upgrade: Accord's session cookie. */
  headers: Record<string, string>
  clients: number
  /** Writer updates per second. */
  rate: number
  warmupSeconds: number
  durationSeconds: number
  /** How long to wait after the window for late deliveries and acknowledgements. */
  drainSeconds: number
  /** Whether to measure Accord's durable acknowledgements. */
  acks: boolean
  tracePath: string
  /**
   * P7 scale-out: this many readers connect to a second instance at `syncUrl` instead (every
   * other reader as they join, until there are that many); the writer stays on the first.
   */
  second?: { syncUrl: string; readers: number }
}

/** Which instance a reader is connected to, when there are two (P7). */
export type Instance = 'first' | 'second'

export interface LoadResult {
  windowSeconds: number
  updatesSent: number
  /** Writer updates per second actually sent in the window. */
  sendRate: number
  /** Writer send → reader observes it, one sample per reader and update sent in the window. */
  fanOut: Summary
  /** With `second`: fan-out of the readers on each instance, `first` and `second`. */
  fanOutByInstance?: Record<Instance, Summary>
  /** p99 fan-out of the updates sent in each second of the window, to show stalls. */
  fanOutP99BySecond: number[]
  /** Reader deliveries observed per second during the window. */
  deliveriesPerSecond: number
  /** Deliveries of window updates that had not arrived when the drain ended. */
  missingDeliveries: number
  /** Reader states that matched no writer update (would mean the tracking is wrong). */
  unmatchedStates: number
  /** Readers whose text differs from the writer's after the drain. */
  divergedReaders: number
  /** Writer frame sent → server says it is committed; null when the server sends no acks. */
  ack: AckResult | null
  /** Socket closes and errors seen by any client before the end, by close code. */
  connectionCloses: Record<string, number>
  connectionErrors: number
  /** Load generator's own CPU use (100 = one core) and event-loop delay, to judge its headroom. */
  loadCpuPercent: number
  eventLoopDelayP99Ms: number
  eventLoopDelayMaxMs: number
}

export interface AckResult extends Summary {
  /** Window frames never acknowledged, on the socket that sent them. */
  unacknowledged: number
  /** Saved messages counting more frames than the writer sent (the bench miscounts). */
  miscounted: number
  /** Saved messages per second, about one per storage commit that held a writer frame. */
  savedPerSecond: number
}

/**
 * What any load generator sends its orchestrator (measure.ts runGenerator): `connected` once
 * its clients are in (optional), `window` when the measured window starts and ends (server CPU
 * is read from /proc then), and `result` once, at the end.
 */
export type GeneratorMessage<R> =
  | { type: 'connected'; connectMs: number }
  | { type: 'window'; phase: 'start' | 'end' }
  | { type: 'result'; result: R }

export type LoadMessage = GeneratorMessage<LoadResult>
