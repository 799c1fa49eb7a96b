/** What P8's load generator (generator.ts) is given and what it answers. */
import type { Protocol } from '../load/clients.ts'
import type { Summary } from '../stats.ts'
import type { TraceName } from './trace.ts'

export interface P8Params {
  syncUrl: string
  protocol: Protocol
  room: string
  /** Sent with every websocket upgrade: Accord's session cookie. */
  headers: Record<string, string>
  trace: TraceName
  /** How many times faster than recorded (pace.ts SPEEDUP). */
  speedup: number
  /** How long after the last edit is due to wait for the replay to finish. */
  drainSeconds: number
}

/** One client's text at the end, against the trace's endContent. */
export interface ClientText {
  agent: number
  length: number
  equalsEndContent: boolean
  /** First index where it differs from endContent, and 40 characters of each from there. */
  difference: { at: number; text: string; endContent: string } | null
}

export interface P8Result {
  trace: TraceName
  agents: number
  edits: number
  /** When the last edit was due, after the start (the recorded span over the speed-up). */
  scheduledSeconds: number
  /** From the first edit to every client holding every edit (or the drain running out). */
  durationSeconds: number
  /** Whether every client held every edit before the drain ran out. */
  finished: boolean
  clients: ClientText[]
  /** Whether every client ended with the same text (whether or not it is endContent). */
  clientsAgree: boolean
  /** An edit sent → another client holds it; one sample per edit and other client. */
  fanOut: Summary
  /** Edits due before their typist held their parents: how long they waited, ms. */
  parentWait: Summary
  /** Edits sent without waiting for parents: how late after their due time, ms. */
  timerLate: Summary
  editsSent: number
  untimedDeliveries: number
  missingDeliveries: number
  unsentEdits: number
  /** Socket closes and errors seen by any client before the end, by close code. */
  connectionCloses: Record<string, number>
  connectionErrors: number
  /** The load generator's own CPU (100 = one core) and event-loop delay over the window. */
  loadCpuPercent: number
  eventLoopDelayP99Ms: number
  eventLoopDelayMaxMs: number
}
