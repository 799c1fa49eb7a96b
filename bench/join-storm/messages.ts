/** What crosses the IPC channel between P3's orchestrator (measure.ts) and its generator. */
import type { Protocol } from '../load/clients.ts'

export interface JoinStormParams {
  syncUrl: string
  protocol: Protocol
  room: string
  /** Accord's session cookie, sent with every websocket upgrade. */
  headers: Record<string, string>
  /** The cached 10 × automerge-paper updates (bench/documents/papers.ts). */
  papersFile: string
  joiners: number
  rounds: number
}

/** One join storm: `joiners` fresh clients connecting in the same event-loop turn. */
export interface RoundResult {
  /** From the joins starting to each client having the whole document, ms, in join order. */
  clientMs: number[]
  /** From the joins starting to the last client's sync step 2 arriving: the measured window. */
  windowMs: number
  /** Clients whose document was only complete after the window (held messages were short). */
  completedLate: number
  /** How long one client took to apply its document (its sync step 2), ms, median of clients. */
  applyMs: number
  /** The generator's own CPU (100 = one core) and event-loop delay in the window. */
  loadCpuSeconds: number
  eventLoopDelayMaxMs: number
}

export interface JoinStormResult {
  /** The whole document as one update, and its text length. */
  documentBytes: number
  textLength: number
  /** Seeding: connect, send one update per copy, a fresh client reads the whole document. */
  seedMs: number
  rounds: RoundResult[]
  connectionCloses: Record<string, number>
  connectionErrors: number
}
