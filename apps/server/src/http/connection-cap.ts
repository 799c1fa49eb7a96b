import type { Socket } from 'node:net'
import type { Http2Bindings, HttpBindings } from '@hono/node-server'
import { Context } from 'hono'

/** Sent with a refused upgrade: a refused upgrade has no body, so the reason travels here. */
export const REFUSAL_HEADER = 'Accord-Refusal'

/**
 * Counts the websockets each client address holds open and refuses one more past the cap, so
 * one address cannot hold thousands of sockets (file descriptors, memory, heartbeats) however
 * slowly it opens them: the rate limit alone (300 a minute) would let it hold 18,000 after an
 * hour. A socket counts from its upgrade request until its TCP socket closes, whichever way it
 * closes: a clean close, a reset, a refused upgrade, a server shutdown.
 */
export class ConnectionCap {
  private readonly open = new Map<string, number>()
  /** Addresses refused since they last dropped below the cap: logged once, not per attempt. */
  private readonly refusing = new Set<string>()

  constructor(
    readonly maxPerAddress: number,
    private readonly onCapReached: (address: string) => void = () => {},
  ) {}

  /** Counts the socket against the address until it closes; false when the address is full. */
  admit(address: string, socket: Socket): boolean {
    // Gone already: its 'close' may have fired, and there is nothing left to hold anyway.
    if (socket.destroyed) return true
    const count = this.open.get(address) ?? 0
    if (count >= this.maxPerAddress) {
      if (!this.refusing.has(address)) {
        this.refusing.add(address)
        this.onCapReached(address)
      }
      return false
    }
    this.open.set(address, count + 1)
    socket.once('close', () => this.release(address))
    return true
  }

  /** Websockets open from the address now. */
  count(address: string): number {
    return this.open.get(address) ?? 0
  }

  /** Addresses with at least one open websocket: none are kept once their sockets close. */
  get addresses(): number {
    return this.open.size
  }

  private release(address: string): void {
    const count = (this.open.get(address) ?? 1) - 1
    if (count > 0) this.open.set(address, count)
    else this.open.delete(address)
    if (count < this.maxPerAddress) this.refusing.delete(address)
  }
}

type Fetch = (request: Request, env: HttpBindings | Http2Bindings) => unknown

/**
 * Wraps the server's fetch so every websocket upgrade passes the cap first, before the session
 * is looked up: the cheapest refusal comes first. `addressOf` is the one the rate limits use,
 * so TRUST_PROXY counts the X-Forwarded-For address here too.
 */
export function capWebSockets(
  fetch: Fetch,
  cap: ConnectionCap,
  addressOf: (c: Context) => string,
): Fetch {
  return (request, env) => {
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') return fetch(request, env)
    const address = addressOf(new Context(request, { env }))
    if (cap.admit(address, env.incoming.socket as Socket)) return fetch(request, env)
    return new Response(null, {
      status: 429,
      headers: {
        [REFUSAL_HEADER]: `too many open connections from this address (at most ${cap.maxPerAddress}); close some first`,
      },
    })
  }
}
