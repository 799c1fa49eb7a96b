/**
 * What crosses the IPC channel between P2's orchestrator (measure.ts) and its load generator
 * (generator.ts): the parameters as one JSON argument, and the result in the generator's
 * `result` message (bench/load/messages.ts `GeneratorMessage`).
 */
import type { Protocol } from '../load/clients.ts'
import type { Summary } from '../stats.ts'

export interface SaturationParams {
  syncUrl: string
  protocol: Protocol
  room: string
  /** Sent with every websocket upgrade: Accord's session cookie. */
  headers: Record<string, string>
  /** Clients in the room, the writer included. */
  clients: number
  /** Writer updates that may be on their way to the slowest reader at once. */
  windowUpdates: number
  warmupSeconds: number
  durationSeconds: number
  /** How long to wait after the window for the readers to catch up. */
  drainSeconds: number
  tracePath: string
}

export interface SaturationResult {
  windowSeconds: number
  /** Writer updates sent in the window, and per second of it. */
  updatesSent: number
  updatesPerSecond: number
  /** Writer updates sent in each second of the window, to show stalls and drift. */
  updatesBySecond: number[]
  /**
   * Writer updates observed by readers per second of the window: one per reader and update,
   * however many updates arrived merged in one message.
   */
  deliveriesPerSecond: number
  /** Writer send → a reader observes it, one sample per reader and update sent in the window. */
  fanOut: Summary
  /** Longest time in the window the writer waited with its window full for the slowest reader. */
  longestStallMs: number
  /** How often the writer started the trace again because it had used every edit. */
  tracePasses: number
  /** Deliveries of window updates that had not arrived when the drain ended. */
  missingDeliveries: number
  /** Reader states that matched no writer update (would mean the tracking is wrong). */
  unmatchedStates: number
  /** Readers whose text differs from the writer's after the drain. */
  divergedReaders: number
  /** Socket closes and errors seen by any client before the end, by close code. */
  connectionCloses: Record<string, number>
  connectionErrors: number
  /** The load generator's own CPU (100 = one core) and event-loop delay over the window. */
  loadCpuPercent: number
  eventLoopDelayP99Ms: number
  eventLoopDelayMaxMs: number
}
