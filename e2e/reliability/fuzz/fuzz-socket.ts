import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { MessageType, readSaved } from '@accord/sync'

let nextAddress = 0

/**
 * A raw websocket to a meeting's room that sends whatever bytes it is given and reads only what
 * proves the server took them: the "saved" answers (how many counted frames are committed),
 * and the close.
 */
export class FuzzSocket {
  /** Counted frames (step 2 and update) the server has acknowledged on this socket. */
  committed = 0
  closeCode: number | undefined
  private readonly socket: WebSocket
  private readonly waiters = new Set<() => void>()

  private constructor(url: string, cookie: string, localAddress: string) {
    this.socket = new WebSocket(url, { headers: { cookie }, localAddress })
    this.socket.binaryType = 'nodebuffer'
    this.socket.on('message', (data: Buffer) => {
      if (data[0] !== MessageType.Saved) return
      const decoder = decoding.createDecoder(new Uint8Array(data))
      decoding.readVarUint(decoder)
      this.committed = readSaved(decoder).committedFrames
      this.wake()
    })
    this.socket.on('close', (code) => {
      this.closeCode = code
      this.wake()
    })
    this.socket.on('error', () => {})
  }

  /**
   * Each socket comes from the next loopback address (127.0.0.2 to 127.0.0.254): thousands of
   * reconnections from one address are what the server's per-address limits are there to
   * refuse, and this test is about frames, not about those limits.
   */
  static async open(baseUrl: string, meetingId: string, cookie: string): Promise<FuzzSocket> {
    const url = `${baseUrl.replace(/^http/, 'ws')}/sync/${encodeURIComponent(meetingId)}`
    nextAddress = (nextAddress % 253) + 1
    const fuzz = new FuzzSocket(url, cookie, `127.0.0.${nextAddress + 1}`)
    await new Promise<void>((resolve, reject) => {
      fuzz.socket.once('open', () => resolve())
      fuzz.socket.once('unexpected-response', (_request, response) =>
        reject(new Error(`the upgrade was answered ${response.statusCode}`)),
      )
      fuzz.socket.once('error', (error) => reject(new Error(`opening a socket: ${error.message}`)))
      fuzz.socket.once('close', (code) => reject(new Error(`socket closed on open with ${code}`)))
    })
    return fuzz
  }

  get closed(): boolean {
    return this.closeCode !== undefined
  }

  send(bytes: Uint8Array): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(bytes)
  }

  /**
   * Resolves 'committed' once the server acknowledged `frames` counted frames, 'closed' if the
   * socket closed first; throws after `timeoutMs` (the server neither answered nor closed).
   */
  async settle(frames: number, timeoutMs: number): Promise<'committed' | 'closed'> {
    const deadline = Date.now() + timeoutMs
    while (this.committed < frames && !this.closed) {
      const left = deadline - Date.now()
      if (left <= 0) {
        throw new Error(
          `the server neither acknowledged frame ${frames} nor closed in ${timeoutMs} ms`,
        )
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left)
        this.waiters.add(() => {
          clearTimeout(timer)
          resolve()
        })
      })
    }
    return this.committed >= frames ? 'committed' : 'closed'
  }

  close(): void {
    this.socket.terminate()
  }

  private wake(): void {
    for (const waiter of this.waiters) waiter()
    this.waiters.clear()
  }
}
