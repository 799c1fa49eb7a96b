import type { IncomingMessage } from 'node:http'
import { WebSocket } from 'ws'

/** Header the server explains a refused upgrade in (apps/server/src/http/connection-cap.ts). */
const REFUSAL_HEADER = 'accord-refusal'
/** An attempt the server has not settled by then is recorded as such, not waited on forever. */
const ATTEMPT_TIMEOUT_MS = 10_000

/**
 * One websocket attempt, settled as what happened to it: `admitted` (the server greeted it),
 * `close <code>`, `http <status> <reason>` (refused before the upgrade), or `error <message>`.
 * An admitted socket stays open in `held` until the caller closes it.
 */
export function attempt(
  url: string,
  localAddress: string,
  headers: Record<string, string>,
  held?: Set<WebSocket>,
): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { headers, localAddress })
    const settle = (outcome: string) => {
      clearTimeout(timer)
      resolve(outcome)
    }
    const timer = setTimeout(() => {
      socket.terminate()
      settle('unsettled after 10 s')
    }, ATTEMPT_TIMEOUT_MS)
    socket.on('error', (error) => settle(`error ${error.message}`))
    socket.on('unexpected-response', (_request, response: IncomingMessage) => {
      response.resume()
      socket.terminate()
      const reason = response.headers[REFUSAL_HEADER]
      settle(`http ${response.statusCode}${reason ? ` refused: ${String(reason)}` : ''}`)
    })
    socket.on('close', (code) => settle(`close ${code}`))
    // The server speaks first to a socket it admitted: its sync step 1.
    socket.once('message', () => {
      if (!held) return settle('admitted')
      held.add(socket)
      socket.on('close', () => held.delete(socket))
      settle('admitted')
    })
  })
}

/** Adds one to the outcome's count. */
export function tally(counts: Record<string, number>, outcome: string): void {
  counts[outcome] = (counts[outcome] ?? 0) + 1
}

/**
 * Unauthenticated websocket attempts at a steady rate, round-robin over enough source
 * addresses that none passes the per-address rate limit: the worst the limits let through.
 */
export class UnauthenticatedFlood {
  readonly outcomes: Record<string, number> = {}
  private readonly pending = new Set<Promise<void>>()
  private readonly ticker: NodeJS.Timeout

  constructor(options: {
    url: string
    perSecond: number
    addresses: number
    addressOf: (n: number) => string
  }) {
    const TICK_MS = 50
    let sent = 0
    const started = performance.now()
    this.ticker = setInterval(() => {
      // Keeps to the rate when the timer fires late, but never by a burst bigger than two ticks'.
      const due = Math.min(
        Math.floor(((performance.now() - started) / 1000) * options.perSecond),
        sent + Math.ceil((2 * options.perSecond * TICK_MS) / 1000),
      )
      for (; sent < due; sent++) {
        const address = options.addressOf(sent % options.addresses)
        const settled = attempt(options.url, address, {}).then((outcome) => {
          tally(this.outcomes, outcome)
          this.pending.delete(settled)
        })
        this.pending.add(settled)
      }
    }, TICK_MS)
  }

  async stop(): Promise<Record<string, number>> {
    clearInterval(this.ticker)
    await Promise.all(this.pending)
    return this.outcomes
  }
}
