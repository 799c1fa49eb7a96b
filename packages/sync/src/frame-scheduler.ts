/**
 * Frames wait here between the socket and their room, and are handled a few milliseconds'
 * worth per event-loop turn, one frame of each connection in turn.
 *
 * Checking and decoding a frame costs in proportion to its size (tens of milliseconds for a
 * large paste), and Node runs the callbacks of every socket with data ready one after another
 * before anything else: twenty large frames from twenty sockets held the loop for their sum,
 * and `/api/health` and everyone else's keystrokes waited behind them. Here a frame is handled
 * at once while the turn has budget left (a keystroke is never delayed when the server is not
 * busy); otherwise it waits for the next turn, where each connection with frames waiting gets
 * one handled in turn, so one person's megabytes do not hold up another's keystroke. A
 * connection with frames waiting stops being read (`Transport.pause`) until they are handled,
 * so what waits is bounded by what its socket had already read.
 */
export interface ScheduledConnection {
  /** Closed or closing: what it sent and still waits is dropped. */
  readonly ended: boolean
  pause(): void
  resume(): void
}

/** A frame as received, or work a frame was split into (see Room: large frames in pieces). */
export type Work = Uint8Array | (() => void)

export class FrameScheduler<C extends ScheduledConnection> {
  private readonly waiting = new Map<C, Work[]>()
  /** Milliseconds spent handling frames since the turn began. */
  private spent = 0
  private turnEnds: NodeJS.Immediate | undefined

  constructor(
    /** Handles one frame; it must not throw. */
    private readonly handle: (connection: C, frame: Uint8Array) => void,
    private readonly budgetMs: number,
    /** Milliseconds from any fixed point; tests hand in a clock of their own. */
    private readonly now: () => number = () => performance.now(),
  ) {}

  push(connection: C, frame: Uint8Array): void {
    if (connection.ended) return
    const queue = this.waiting.get(connection)
    if (queue) {
      queue.push(frame)
    } else if (this.spent < this.budgetMs && this.waiting.size === 0) {
      this.run(connection, frame)
    } else {
      this.waiting.set(connection, [frame])
      connection.pause()
      this.endTurnSoon()
    }
  }

  /**
   * Work to do for the connection before anything else it sent, each in a turn with budget
   * left; never at once.
   */
  later(connection: C, work: readonly (() => void)[]): void {
    if (connection.ended || work.length === 0) return
    const queue = this.waiting.get(connection)
    if (queue) {
      queue.unshift(...work)
    } else {
      this.waiting.set(connection, [...work])
      connection.pause()
      this.endTurnSoon()
    }
  }

  /** Frames waiting, for tests and metrics. */
  get backlog(): number {
    let frames = 0
    for (const queue of this.waiting.values()) frames += queue.length
    return frames
  }

  /** Forgets a closed connection's frames. */
  forget(connection: C): void {
    this.waiting.delete(connection)
  }

  private run(connection: C, work: Work): void {
    const started = this.now()
    if (typeof work === 'function') work()
    else this.handle(connection, work)
    this.spent += this.now() - started
    this.endTurnSoon()
  }

  /** The turn ends once I/O callbacks are done: setImmediate runs right after them. */
  private endTurnSoon(): void {
    this.turnEnds ??= setImmediate(() => {
      this.turnEnds = undefined
      this.spent = 0
      this.drain()
    })
  }

  private drain(): void {
    while (this.waiting.size > 0 && this.spent < this.budgetMs) {
      const [connection, queue] = this.waiting.entries().next().value!
      // Run while its queue is still listed: it may put work in front (`later`).
      const work = queue.shift()!
      if (!connection.ended) this.run(connection, work)
      // Put back at the end: the next frame is another connection's.
      this.waiting.delete(connection)
      if (connection.ended) continue
      if (queue.length > 0) this.waiting.set(connection, queue)
      else connection.resume()
    }
    if (this.waiting.size > 0) this.endTurnSoon()
  }
}
