import type { WebsocketProvider } from 'y-websocket'
import { isContentFrame, MessageType, readSaved } from '@accord/sync'
import { summarize } from '../stats.ts'
import type { AckResult } from './messages.ts'
import type { Window } from './window.ts'

/**
 * Acknowledgement latency of Accord's "saved" message (type 64): the n-th content frame the
 * writer sends on a socket is durable once a saved message says committedFrames ≥ n.
 * Frame counts are per socket, so a reconnect starts the count again; frames sent on a lost
 * socket and never acknowledged count as unacknowledged.
 */
export class AckTracker {
  private frames: number[] = []
  private committed = 0
  private socket: unknown = null
  private readonly latencies: number[] = []
  private lost = 0
  /** Saved messages claiming more frames than were sent: the count would be off. */
  private miscounted = 0
  /** Saved messages received in the window: about one per storage commit. */
  private savedInWindow = 0

  constructor(
    private readonly provider: WebsocketProvider,
    private readonly window: Window,
  ) {
    provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) =>
      this.saved(readSaved(decoder).committedFrames)
    provider.on('status', () => this.follow())
    this.follow()
  }

  get drained(): boolean {
    return this.committed >= this.frames.length
  }

  result(): AckResult {
    return {
      ...summarize(this.latencies),
      unacknowledged: this.lost + this.unacknowledged(),
      miscounted: this.miscounted,
      savedPerSecond: this.savedInWindow / this.window.seconds,
    }
  }

  private saved(committedFrames: number): void {
    const now = performance.now()
    if (committedFrames > this.frames.length) this.miscounted++
    if (this.window.contains(now)) this.savedInWindow++
    for (let n = this.committed; n < Math.min(committedFrames, this.frames.length); n++) {
      if (this.window.contains(this.frames[n]!)) this.latencies.push(now - this.frames[n]!)
    }
    this.committed = Math.max(this.committed, committedFrames)
  }

  /** Counts the content frames of whichever socket the provider uses now. */
  private follow(): void {
    const socket = this.provider.ws
    if (socket === this.socket) return
    this.lost += this.unacknowledged()
    this.socket = socket
    this.frames = []
    this.committed = 0
    if (!socket) return
    const send = socket.send.bind(socket)
    socket.send = (data) => {
      if (data instanceof Uint8Array && isContentFrame(data)) this.frames.push(performance.now())
      send(data)
    }
  }

  private unacknowledged(): number {
    return this.frames.slice(this.committed).filter((at) => this.window.contains(at)).length
  }
}
