import * as Y from 'yjs'
import type { BenchClient } from '../load/clients.ts'
import type { Window } from '../load/window.ts'
import { summarize, type Summary } from '../stats.ts'

/**
 * P1's FanOutTracker (bench/load/fan-out.ts), plus what a closed loop needs: how far the
 * slowest reader has got, and a call when it moves on. FanOutTracker keeps each reader's
 * progress private, so this is a copy of its method rather than a use of it:
 *
 * A writer update either inserts, so the writer's clock grows, or only deletes, so its clock
 * stays and the text gets shorter. The pair (writer clock, text length) therefore names exactly
 * one writer update. Updates reach a reader in order, possibly several merged into one message,
 * so after any delivery a reader holds some prefix of the writer's updates: its pair says how
 * far it has got, and every update since its previous pair arrived just now (one delivery each).
 *
 * At saturation there are tens of thousands of samples a second, so they are kept in a
 * Float64Array rather than an array of numbers.
 */
export class ClosedLoopTracker {
  private readonly sentAt: number[] = []
  private readonly updateAt = new Map<number, number>()
  private readonly seen: number[] = []
  private readonly latencies = new Samples()
  private deliveriesInWindow = 0
  private unmatched = 0
  /** The last update every reader has; -1 before the first. */
  private slowest = -1
  private slowestMovedAt = Number.POSITIVE_INFINITY
  private longestStall = 0
  private readonly listeners = new Set<() => void>()

  constructor(
    private readonly writer: BenchClient,
    private readonly window: Window,
  ) {}

  /** Makes one writer update (`apply` edits the writer's text) and notes when it was sent. */
  send(apply: () => void): void {
    const sentAt = performance.now()
    const before = this.stateOf(this.writer)
    apply()
    const state = this.stateOf(this.writer)
    // An edit that changes nothing sends no frame, and the loop would wait for it for ever.
    if (state === before)
      throw new Error('a trace edit changed nothing; the tracking needs a change')
    this.updateAt.set(state, this.sentAt.push(sentAt) - 1)
  }

  /** Updates sent but not yet observed by every reader. */
  get inFlight(): number {
    return this.sentAt.length - 1 - this.slowest
  }

  get drained(): boolean {
    return this.inFlight === 0
  }

  /** Calls `listener` whenever the slowest reader receives something new. */
  onSlowestMoved(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  watch(reader: BenchClient): void {
    const index = this.seen.push(-1) - 1
    reader.text.observe(() => {
      const now = performance.now()
      const update = this.updateAt.get(this.stateOf(reader))
      if (update === undefined) {
        this.unmatched++
        return
      }
      const previous = this.seen[index]!
      if (update <= previous) return
      for (let i = previous + 1; i <= update; i++) {
        const sentAt = this.sentAt[i]!
        if (this.window.contains(sentAt)) this.latencies.push(now - sentAt)
      }
      if (this.window.contains(now)) this.deliveriesInWindow += update - previous
      this.seen[index] = update
      if (previous === this.slowest) this.slowestMayHaveMoved(now)
    })
  }

  /** Updates sent in the window, in total and per second of it. */
  sentInWindow(): { total: number; bySecond: number[] } {
    // Whole seconds only: the window's last fraction of a second has no entry.
    const bySecond = Array.from({ length: Math.floor(this.window.seconds) }, () => 0)
    let total = 0
    for (const at of this.sentAt) {
      if (!this.window.contains(at)) continue
      total++
      const second = Math.floor((at - this.window.start) / 1000)
      if (second < bySecond.length) bySecond[second]!++
    }
    return { total, bySecond }
  }

  /**
   * Notes that the writer's window is full from now: the time until the slowest reader moves
   * on is a stall, and the longest one in the window is reported.
   */
  waiting(now: number): void {
    this.slowestMovedAt = Math.min(this.slowestMovedAt, now)
  }

  result(): {
    fanOut: Summary
    deliveriesPerSecond: number
    longestStallMs: number
    missingDeliveries: number
    unmatchedStates: number
  } {
    let missing = 0
    for (const seen of this.seen) {
      for (let i = seen + 1; i < this.sentAt.length; i++) {
        if (this.window.contains(this.sentAt[i]!)) missing++
      }
    }
    return {
      fanOut: summarize(this.latencies.values()),
      deliveriesPerSecond: this.deliveriesInWindow / this.window.seconds,
      longestStallMs: this.longestStall,
      missingDeliveries: missing,
      unmatchedStates: this.unmatched,
    }
  }

  private slowestMayHaveMoved(now: number): void {
    let slowest = Number.POSITIVE_INFINITY
    for (const seen of this.seen) if (seen < slowest) slowest = seen
    if (slowest === this.slowest) return
    this.slowest = slowest
    if (this.window.contains(now)) {
      this.longestStall = Math.max(this.longestStall, now - this.slowestMovedAt)
    }
    // Until the writer says it is waiting again, nothing counts as a stall.
    this.slowestMovedAt = Number.POSITIVE_INFINITY
    for (const listener of this.listeners) listener()
  }

  private stateOf(client: BenchClient): number {
    const clock = Y.getState(client.doc.store, this.writer.doc.clientID)
    // One number as the map key: the text stays far below 2^21 characters (104,852 per pass).
    return clock * 0x200000 + client.text.length
  }
}

/** A growing list of numbers in one Float64Array. */
class Samples {
  private buffer = new Float64Array(1 << 16)
  private length = 0

  push(value: number): void {
    if (this.length === this.buffer.length) {
      const bigger = new Float64Array(this.buffer.length * 2)
      bigger.set(this.buffer)
      this.buffer = bigger
    }
    this.buffer[this.length++] = value
  }

  values(): Float64Array {
    return this.buffer.subarray(0, this.length)
  }
}
