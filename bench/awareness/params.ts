/**
 * P4 awareness: the fixed parameters of the scenario, and what crosses the IPC channel between
 * the orchestrator (index.ts, measure.ts) and the load generator (generator.ts).
 */
import type { Protocol } from '../load/clients.ts'
import type { Summary } from '../stats.ts'

/**
 * Clients in the room. Fixed, not `--clients` (50 by default, sized for P1's typing load): the
 * issue's goal is stated for 100 people in one meeting, each of whom sees all 99 others.
 */
export const CLIENTS = 100

/** Cursor moves per client per second: a person clicking, selecting and moving through text. */
export const MOVES_PER_SECOND = 2

/**
 * Clients join over this long, as people do (P1 spreads 50 over 3 s; this is the same pace).
 * y-protocols' awareness checks every 3 s whether its 15 s renewal is due, so clients that all
 * join in one millisecond renew in one burst; here every move renews the state anyway, but
 * the joins themselves (each newcomer is sent everyone's state and everyone the newcomer's)
 * should not land at once either.
 */
export const JOIN_SPREAD_MS = 5000

/** Longest wait for every client to sync, see the text and see everyone's presence. */
export const SETTLE_TIMEOUT_MS = 30_000

/** Accord allows 300 websocket attempts per address per minute; every client is on 127.0.0.1. */
export const ACCORD_ENV = { RATE_CONNECTIONS_PER_ADDRESS: '100000' }

export interface AwarenessParams {
  syncUrl: string
  protocol: Protocol
  room: string
  /** Sent with every websocket upgrade: Accord's session cookie. */
  headers: Record<string, string>
  clients: number
  movesPerSecond: number
  joinSpreadMs: number
  warmupSeconds: number
  durationSeconds: number
  /** Longest wait after the window for moves still on their way. */
  drainSeconds: number
}

/** One cursor as y-prosemirror and y-codemirror share it, plus which move it is. */
export interface Cursor {
  anchor: unknown
  head: unknown
  /** The mover's move number, from 0: tells a receiver exactly which move it is looking at. */
  seq: number
}

export interface AwarenessResult {
  windowSeconds: number
  /** Moves made in the window, over all clients. */
  movesSent: number
  /** Moves per second actually made in the window (planned: clients × movesPerSecond). */
  moveRate: number
  /** Move × other client pairs in the window: each move should reach clients − 1 others. */
  expected: number
  /** Pairs where the client received that very state. */
  seenExactly: number
  /** Pairs where the client never got that state but a newer one of the mover (coalesced). */
  superseded: number
  /** Pairs where neither that state nor any newer one of the mover arrived by the drain's end. */
  lost: number
  /**
   * Move → the other client holds it or a newer state of the mover, over every delivered pair
   * (for a superseded move, until the newer state arrived: how stale the cursor on screen was).
   */
  latency: Summary
  /** The same over pairs seen exactly, to tell coalescing from slowness. */
  exactLatency: Summary
  /** p99 latency of the moves made in each second of the window, to show stalls. */
  latencyP99BySecond: number[]
  /** States received per second during the window, all clients together. */
  deliveriesPerSecond: number
  /** States received again with a move already seen (renewals); harmless. */
  repeats: number
  /**
   * States whose cursor or `user.color` differ from what the mover set: what the server must
   * keep (Accord replaces the rest of `user` with the account's name, organisation and role).
   */
  altered: number
  /** Every key seen in received `user` fields, to show whose presence the server stamped. */
  userFields: string[]
  /** One state as a client received it, for the record. */
  sampleState: unknown
  /** Socket closes and errors seen by any client before the end, by close code. */
  connectionCloses: Record<string, number>
  connectionErrors: number
  /** Load generator's own CPU use (100 = one core) and event-loop delay, to judge its headroom. */
  loadCpuPercent: number
  eventLoopDelayP99Ms: number
  eventLoopDelayMaxMs: number
  /** Joining, syncing and seeing everyone's presence, before the first move. */
  settleMs: number
}
