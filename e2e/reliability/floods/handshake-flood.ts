import net from 'node:net'
import type { HandshakeFigures } from './plan.ts'

/** How long `stop` waits for the server to close what is still open: well past the 10 s bound. */
const GIVE_UP_MS = 15_000
/**
 * Connects in flight at once: more would overflow the server's listen backlog, and the kernel's
 * retries would then be timed as if they were the server's.
 */
const CONNECTING_AT_ONCE = 100
/** A slowloris sends its next header line this often, so it is never idle. */
const DRIBBLE_MS = 1000

/**
 * Holds `count` connections to the server that never finish a request: `idle` ones send
 * nothing, `slowloris` ones send an upgrade request one header line a second. Whenever the
 * server closes one, another opens in its place, so the pressure lasts as long as the flood;
 * every close is timed from the moment the connection was established.
 */
export class HandshakeFlood {
  readonly figures: HandshakeFigures = {
    opened: 0,
    closeMs: [],
    answered408: 0,
    neverClosed: 0,
    failed: 0,
  }
  private readonly open = new Set<net.Socket>()
  private readonly queue: (() => void)[] = []
  private connecting = 0
  private running = true
  private givenUp = false
  private headerLines = 0
  private readonly dribble: NodeJS.Timeout | undefined

  constructor(
    private readonly options: {
      port: number
      kind: 'idle' | 'slowloris'
      count: number
      /** Source address of the n-th connection. */
      addressOf: (n: number) => string
      path: string
    },
  ) {
    for (let n = 0; n < options.count; n++) this.enqueue(n)
    if (options.kind === 'slowloris') {
      this.dribble = setInterval(() => {
        for (const socket of this.open) {
          if (socket.writable) socket.write(`X-Padding: ${++this.headerLines}\r\n`)
        }
      }, DRIBBLE_MS)
    }
  }

  /** Resolves once the first `count` connections are established (or failed). */
  async established(): Promise<void> {
    while (this.figures.opened + this.figures.failed < this.options.count) {
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  /** Opens no more, and waits for the server to close what is open; records what it never did. */
  async stop(): Promise<HandshakeFigures> {
    this.running = false
    this.queue.length = 0
    const deadline = Date.now() + GIVE_UP_MS
    while (this.open.size > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    this.figures.neverClosed = this.open.size
    this.givenUp = true
    for (const socket of this.open) socket.destroy()
    clearInterval(this.dribble)
    return this.figures
  }

  private enqueue(n: number) {
    if (!this.running) return
    this.queue.push(() => this.connect(n))
    this.drain()
  }

  private drain() {
    while (this.connecting < CONNECTING_AT_ONCE && this.queue.length > 0) {
      this.connecting++
      this.queue.shift()!()
    }
  }

  private connect(n: number) {
    const { port, kind, addressOf, path } = this.options
    const socket = net.connect({ port, host: '127.0.0.1', localAddress: addressOf(n) })
    let connectedAt: number | undefined
    let answer = ''
    const settled = () => {
      this.connecting--
      this.drain()
    }
    socket.once('connect', () => {
      connectedAt = performance.now()
      this.figures.opened++
      this.open.add(socket)
      settled()
      if (kind === 'slowloris') {
        socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\n`)
      }
    })
    // Read what the server says, or its close would wait unread behind the answer.
    socket.on('data', (chunk: Buffer) => {
      if (answer.length < 16) answer += chunk.toString('latin1')
    })
    socket.on('error', () => {})
    socket.once('close', () => {
      if (connectedAt === undefined) {
        this.figures.failed++
        settled()
      } else {
        this.open.delete(socket)
        // Closed by the server: the attacker closes none until it gives up waiting.
        if (!this.givenUp) this.figures.closeMs.push(performance.now() - connectedAt)
        if (answer.startsWith('HTTP/1.1 408')) this.figures.answered408++
      }
      // Another takes its place, a moment later if it never connected (no busy loop).
      if (connectedAt === undefined) setTimeout(() => this.enqueue(n), 100)
      else this.enqueue(n)
    })
  }
}
