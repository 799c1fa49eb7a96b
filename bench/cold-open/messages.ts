/** What crosses the IPC channel between P6's orchestrator (measure.ts) and its generator. */
import type { Protocol } from '../load/clients.ts'
import type { Room } from '../servers.ts'

export interface ColdOpenParams {
  syncUrl: string
  protocol: Protocol
  /** One room per stored copy of automerge-paper, with the headers that open it. */
  rooms: Room[]
  /** The cached automerge-paper updates (bench/documents/papers.ts); copy 0 is stored. */
  papersFile: string
  /** Cold opens measured, each of a different room (the first `opens` rooms). */
  opens: number
  serverPid: number
  /** Accord's /metrics, to see rooms unload; null for the peers (see README.md). */
  metricsUrl: string | null
  /** The port the server's inspector opens on after SIGUSR1, to force garbage collection. */
  inspectPort: number
}

export interface Open {
  /** From creating the client to its text holding the whole document, ms. */
  openMs: number
  /** From creating the client to the provider's "synced" event, ms. */
  syncedMs: number
  /** The provider said "synced" while the document was still missing (content came later). */
  syncedEarly: boolean
}

/** The server's memory after forcing two full garbage collections and waiting. */
export interface Settled {
  /** /proc/<pid>/status VmRSS. */
  rssMb: number
  /** process.memoryUsage() in the server: V8's heap in use, and memory outside it. */
  heapUsedMb: number
  externalMb: number
  arrayBuffersMb: number
}

export interface ColdOpenResult {
  /** The stored document as one update, and its text length. */
  documentBytes: number
  textLength: number
  /** One client applying the document (Yjs), ms, median of a few: part of every open. */
  applyMs: number
  opens: Open[]
  /** Rooms loaded in the memory phase, one client each. */
  loadedCopies: number
  memoryBefore: Settled
  memoryLoaded: Settled
  /** Accord: rooms in memory per /metrics after the loads; null for the peers. */
  roomsLoaded: number | null
  connectionCloses: Record<string, number>
  connectionErrors: number
}
