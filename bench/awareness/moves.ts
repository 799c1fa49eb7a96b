import * as f from 'lib0/function'
import type { Awareness } from 'y-protocols/awareness'
import type { Window } from '../load/window.ts'
import { summarize } from '../stats.ts'
import type { AwarenessResult, Cursor } from './params.ts'

type Counts = Pick<
  AwarenessResult,
  | 'movesSent'
  | 'expected'
  | 'seenExactly'
  | 'superseded'
  | 'lost'
  | 'latency'
  | 'exactLatency'
  | 'latencyP99BySecond'
  | 'deliveriesPerSecond'
  | 'repeats'
  | 'altered'
  | 'userFields'
  | 'sampleState'
>

/**
 * Which client saw which cursor move, and when. All clients live in one process, so a move's
 * time and its arrival at each other client share a clock; every cursor carries its mover's
 * move number (`seq`), so a receiver knows exactly which move it holds.
 *
 * Awareness states only ever move forward (y-protocols applies a state only if its clock is
 * newer), so after any arrival a client holds some move `q` of the mover: move `q` was seen
 * exactly, every move between the previous one it held and `q` was superseded (it never
 * arrived, but something newer did: the cursor on screen is right), and a move that neither
 * arrived nor was followed by one that did is lost.
 */
export class MoveTracker {
  /** Per mover, when each of its moves was made, by seq. */
  private readonly sentAt: number[][]
  /** Per mover, the cursor of each move, by seq, to check what arrives is what was sent. */
  private readonly sentCursor: Cursor[][]
  /** The last seq client `o` holds of mover `s`, at [o * n + s]; -1 before any. */
  private readonly held: Int32Array
  private readonly indexOf = new Map<number, number>()
  private readonly latencies: number[] = []
  private readonly exactLatencies: number[] = []
  private readonly sampleSecond: number[] = []
  private seenExactly = 0
  private superseded = 0
  private deliveriesInWindow = 0
  private repeats = 0
  private altered = 0
  private readonly userFields = new Set<string>()
  private sampleState: unknown = null
  /** States that name no client or no move of ours: the bench itself would be wrong. */
  private unknown: string[] = []

  constructor(
    private readonly awareness: readonly Awareness[],
    private readonly colours: readonly string[],
    private readonly window: Window,
  ) {
    const n = awareness.length
    this.sentAt = awareness.map(() => [])
    this.sentCursor = awareness.map(() => [])
    this.held = new Int32Array(n * n).fill(-1)
    awareness.forEach((a, i) => this.indexOf.set(a.clientID, i))
    awareness.forEach((a, o) => a.on('update', this.observer(o)))
  }

  /** Client `s` moves its cursor to `cursor` (whose seq must be its next); noted before sending. */
  move(s: number, cursor: Cursor): void {
    if (cursor.seq !== this.sentAt[s]!.length) throw new Error(`move ${cursor.seq} out of order`)
    this.sentAt[s]!.push(performance.now())
    this.sentCursor[s]!.push(cursor)
    this.awareness[s]!.setLocalStateField('cursor', cursor)
  }

  /** True once every client holds every other client's latest move. */
  get drained(): boolean {
    const n = this.awareness.length
    for (let o = 0; o < n; o++) {
      for (let s = 0; s < n; s++) {
        if (o !== s && this.held[o * n + s] !== this.sentAt[s]!.length - 1) return false
      }
    }
    return true
  }

  /** Throws if any state named a client or a move the bench never made. */
  check(): void {
    if (this.unknown.length > 0) {
      throw new Error(
        `${this.unknown.length} received awareness state(s) match no move the bench made, e.g. ` +
          `${this.unknown[0]}; the tracking is wrong, so no delivery figure can be trusted`,
      )
    }
  }

  result(): Counts {
    const n = this.awareness.length
    let movesSent = 0
    let expected = 0
    let lost = 0
    for (let s = 0; s < n; s++) {
      this.sentAt[s]!.forEach((at, seq) => {
        if (!this.window.contains(at)) return
        movesSent++
        expected += n - 1
        for (let o = 0; o < n; o++) {
          if (o !== s && this.held[o * n + s]! < seq) lost++
        }
      })
    }
    const bySecond: number[][] = []
    this.sampleSecond.forEach((second, i) => (bySecond[second] ??= []).push(this.latencies[i]!))
    return {
      movesSent,
      expected,
      seenExactly: this.seenExactly,
      superseded: this.superseded,
      lost,
      latency: summarize(this.latencies),
      exactLatency: summarize(this.exactLatencies),
      latencyP99BySecond: Array.from(bySecond, (samples) => summarize(samples ?? []).p99),
      deliveriesPerSecond: this.deliveriesInWindow / this.window.seconds,
      repeats: this.repeats,
      altered: this.altered,
      userFields: [...this.userFields].sort(),
      sampleState: this.sampleState,
    }
  }

  private observer(o: number) {
    const n = this.awareness.length
    const states = this.awareness[o]!.getStates()
    return ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
      if (origin === 'local') return
      const now = performance.now()
      for (const id of [...added, ...updated]) {
        const s = this.indexOf.get(id)
        if (s === undefined) {
          this.unknown.push(`client ${id} is none of ours`)
          continue
        }
        const state = states.get(id) as { cursor?: Cursor; user?: Record<string, unknown> }
        for (const key of Object.keys(state.user ?? {})) this.userFields.add(key)
        // Presence alone (joining, before the first move) carries no cursor yet.
        if (!state.cursor) continue
        const seq = state.cursor.seq
        const sent = this.sentCursor[s]![seq]
        if (!sent) {
          this.unknown.push(`move ${seq} of client ${s}, which made ${this.sentAt[s]!.length}`)
          continue
        }
        if (!f.equalityDeep(state.cursor, sent) || state.user?.['color'] !== this.colours[s]) {
          this.altered++
        }
        if (this.window.contains(now)) this.deliveriesInWindow++
        const before = this.held[o * n + s]!
        if (seq <= before) {
          this.repeats++
          continue
        }
        this.held[o * n + s] = seq
        for (let k = before + 1; k <= seq; k++) {
          const at = this.sentAt[s]![k]!
          if (!this.window.contains(at)) continue
          if (k === seq) {
            this.seenExactly++
            this.exactLatencies.push(now - at)
          } else {
            this.superseded++
          }
          this.latencies.push(now - at)
          this.sampleSecond.push(Math.floor((at - this.window.start) / 1000))
        }
        if (this.sampleState === null && this.window.contains(this.sentAt[s]![seq]!)) {
          this.sampleState = state
        }
      }
    }
  }
}
