/**
 * What the test asks the attacker process (attacker.ts) to do, and what it answers. The attacker
 * runs in its own process so its thousands of sockets do not share an event loop with the
 * legitimate clients whose latency the test measures.
 */
export interface FloodPlan {
  port: number
  /** A meeting the over-cap insider may open, apart from the one the legitimate clients use. */
  meetingId: string
  /** The session of a real member (a stolen account, say) for the over-cap sockets. */
  insiderCookie: string
  /** TCP connections that send nothing, each reopened as soon as the server closes it. */
  idle: number
  /** Connections that send an upgrade request one header line a second, never finishing. */
  slowloris: number
  /** Unauthenticated websocket attempts per second, spread so no address passes the rate limit. */
  unauthenticatedPerSecond: number
  /** Attempts per second from one address: under RATE_CONNECTIONS_PER_ADDRESS per minute. */
  attemptsPerAddressPerSecond: number
  /** Addresses the insider opens websockets from, each up to the cap and then `extra` more. */
  overCapAddresses: number
  /** MAX_CONNECTIONS_PER_ADDRESS of the server under test. */
  cap: number
  extra: number
}

/** The close times of one kind of socket that never finishes its handshake. */
export interface HandshakeFigures {
  opened: number
  /** Milliseconds from connected to closed by the server, for every socket that was closed. */
  closeMs: number[]
  /** Closed with Node's 408 answer before the close (the rest were closed without a word). */
  answered408: number
  /** Still open when the attacker gave up waiting (well past the 10 s bound). */
  neverClosed: number
  /** Connections that failed before they were established (resets, refusals by the kernel). */
  failed: number
}

export interface FloodReport {
  idle: HandshakeFigures
  slowloris: HandshakeFigures
  /** Outcome of every unauthenticated attempt: `close 4401`, `http 429`, `error …`. */
  unauthenticated: Record<string, number>
  /** Outcome of every insider attempt: `admitted`, `http 429 refused: …`, … */
  overCap: Record<string, number>
  /** Insider sockets admitted per address before the extra attempts (should be the cap). */
  heldPerAddress: number[]
}

export type ToAttacker = { type: 'start'; plan: FloodPlan } | { type: 'stop' }
export type FromAttacker = { type: 'flooding' } | { type: 'report'; report: FloodReport }

/** Second octets of the attacker's addresses, one per kind of socket. */
export const IDLE = 1
export const SLOWLORIS = 2
export const UNAUTHENTICATED = 3
export const INSIDER = 4

/** Loopback addresses the attacker's sockets come from: 127.<kind>.<n>.<m>, never 127.0.0.1. */
export function attackerAddress(kind: number, n: number): string {
  return `127.${kind}.${Math.floor(n / 250)}.${(n % 250) + 1}`
}
