/**
 * When each transaction is typed: the trace's own timestamps where it has them, sped up by
 * SPEEDUP. See README.md beside this file for why these numbers.
 */
import type { ConcurrentTrace } from './trace.ts'

/**
 * The replay runs this many times faster than the recording. clownschool lasts 52½ minutes
 * (3,152 s); at 1× the issue's three runs on three servers would take eight hours per trace.
 * At 20× a run takes about 2.6 minutes, the typists' combined rate becomes about 150 edits/s
 * (310 in the busiest second, below P1's steady 500/s), and the recordings' simulated
 * network latency (0.5 s in clownschool, 1 s in friendsforever) becomes 25 and 50 ms: still
 * above the 15 ms goal, so what makes a typist wait for the other is the trace's causality
 * rather than the server under test. Every gap, pauses included, shrinks by the same factor.
 */
export const SPEEDUP = 20

/**
 * friendsforever has no timestamps (every transaction says 1970-01-01T00:00:00). Its
 * transactions are in the order they were typed, so they are spaced evenly in that order at
 * the rate clownschool's typists kept while typing: 23,136 edits in the 2,607 seconds in which
 * anyone typed, 8.9 edits/s for the two together. Who typed when relative to the other stays
 * as recorded; the pauses (which cannot be known) do not.
 */
export const EDITS_PER_SECOND_WITHOUT_TIMESTAMPS = 8.9

export interface Pace {
  /** Seconds after the first transaction at which each transaction is typed, at 1×. */
  recordedSeconds: number[]
  /** Whether those came from the trace's timestamps (else: evenly spaced, see above). */
  timestamps: boolean
  /** What the trace's timestamps were like, for the report. */
  note: string
}

export function pace(trace: ConcurrentTrace): Pace {
  const times = trace.txns.map((txn) => Date.parse(txn.time))
  if (times.some((time) => Number.isNaN(time))) throw new Error('a transaction has no valid time')
  const distinct = new Set(times).size
  if (distinct <= 1) {
    return {
      recordedSeconds: trace.txns.map((_, i) => i / EDITS_PER_SECOND_WITHOUT_TIMESTAMPS),
      timestamps: false,
      note:
        `no timestamps (all ${new Date(times[0]!).toISOString()}): spaced evenly in trace ` +
        `order at ${EDITS_PER_SECOND_WITHOUT_TIMESTAMPS} edits/s`,
    }
  }
  // Timestamps are whole seconds: an agent's transactions stamped with the same second are
  // spread evenly across it. Each agent's own times never go back (a typist's keystrokes are
  // in order even where the trace interleaves agents slightly out of time order).
  const first = Math.min(...times)
  const recordedSeconds = new Array<number>(times.length)
  const byAgentSecond = new Map<string, number[]>()
  const lastOf = new Map<number, number>()
  trace.txns.forEach((txn, i) => {
    const second = Math.max((times[i]! - first) / 1000, lastOf.get(txn.agent) ?? 0)
    lastOf.set(txn.agent, second)
    const key = `${txn.agent}:${second}`
    let group = byAgentSecond.get(key)
    if (!group) byAgentSecond.set(key, (group = []))
    group.push(i)
  })
  for (const [key, group] of byAgentSecond) {
    const second = Number(key.split(':')[1])
    group.forEach((i, k) => (recordedSeconds[i] = second + k / group.length))
  }
  const span = (Math.max(...times) - first) / 1000
  return {
    recordedSeconds,
    timestamps: true,
    note:
      `timestamps to the second over ${span.toFixed(0)} s; an agent's transactions in one ` +
      'second are spread evenly across it',
  }
}
