/**
 * The server's own view of its memory, after garbage collection, through the V8 inspector.
 * The server is started with NODE_OPTIONS=--inspect-port=<port> (which opens nothing); SIGUSR1
 * then opens the inspector on that port (Node's documented way to attach to a running
 * process), so nothing is attached while cold opens are timed. Used only for the memory phase:
 * `HeapProfiler.collectGarbage` runs full collections, `Runtime.evaluate` reads
 * process.memoryUsage() inside the server.
 */
import { WebSocket } from 'ws'

const OPEN_TIMEOUT_MS = 10_000

export class Inspector {
  private nextId = 1
  private readonly pending = new Map<number, (reply: CdpReply) => void>()

  private constructor(private readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const reply = JSON.parse(String(data)) as CdpReply
      if (reply.id !== undefined) this.pending.get(reply.id)?.(reply)
      if (reply.id !== undefined) this.pending.delete(reply.id)
    })
  }

  /** Opens the inspector of `pid` (SIGUSR1) and attaches to it. */
  static async attach(pid: number, port: number): Promise<Inspector> {
    process.kill(pid, 'SIGUSR1')
    const deadline = Date.now() + OPEN_TIMEOUT_MS
    for (;;) {
      try {
        const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as {
          webSocketDebuggerUrl: string
        }[]
        const url = targets[0]?.webSocketDebuggerUrl
        if (url) {
          const socket = new WebSocket(url)
          await new Promise((resolve, reject) => {
            socket.once('open', resolve)
            socket.once('error', reject)
          })
          return new Inspector(socket)
        }
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) {
        throw new Error(`the server's inspector did not open on port ${port} after SIGUSR1`)
      }
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }

  /** Full, compacting garbage collections (as DevTools' "collect garbage" button). */
  async collectGarbage(): Promise<void> {
    await this.call('HeapProfiler.collectGarbage')
  }

  /** process.memoryUsage() in the server, bytes. */
  async memoryUsage(): Promise<NodeJS.MemoryUsage> {
    const reply = await this.call('Runtime.evaluate', {
      expression: 'JSON.stringify(process.memoryUsage())',
      returnByValue: true,
    })
    const value = (reply.result as { result?: { value?: string } } | undefined)?.result?.value
    if (typeof value !== 'string') throw new Error('could not read the server’s memory usage')
    return JSON.parse(value) as NodeJS.MemoryUsage
  }

  close(): void {
    this.socket.close()
  }

  private call(method: string, params: object = {}): Promise<CdpReply> {
    const id = this.nextId++
    return new Promise((resolve, reject) => {
      this.pending.set(id, (reply) =>
        reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply),
      )
      this.socket.send(JSON.stringify({ id, method, params }))
    })
  }
}

interface CdpReply {
  id?: number
  result?: unknown
  error?: { message: string }
}
