import * as Y from 'yjs'
import { summarize, type Summary } from '../stats.ts'
import type { BenchClient } from './clients.ts'
import type { Window } from './window.ts'

/**
 * When did each reader receive each writer update? Nothing is embedded in the document: all
 * clients live in this one process, so the writer's send times and the readers' receive times
 * share a clock.
 *
 * A writer update either inserts, so the writer's clock grows, or only deletes, so its clock
 * stays and the text gets shorter. The pair (writer clock, text length) therefore names exactly
 * one writer update. Updates reach a reader in order, possibly several merged into one message,
 * so after any delivery a reader holds some prefix of the writer's updates: its pair says how
 * far it has got, and every update since its previous pair arrived just now.
 */
export class FanOutTracker {
  private readonly sentAt: number[] = []
  private readonly updateAt = new Map<number, number>()
  private readonly latencies: number[] = []
  /** The same samples by the group a reader was watched in (P7: its instance). */
  private readonly groups = new Map<string, number[]>()
  /** The window second each latency sample's update was sent in. */
  private readonly sampleSecond: number[] = []
  private readonly progress: { seen: number }[] = []
  private deliveriesInWindow = 0
  private unmatched = 0

  constructor(
    private readonly writer: BenchClient,
    private readonly window: Window,
  ) {}

  /** Makes one writer update (`apply` edits the writer's text) and notes when it was sent. */
  send(apply: () => void): void {
    const sentAt = performance.now()
    apply()
    const update = this.sentAt.push(sentAt) - 1
    this.updateAt.set(this.stateOf(this.writer), update)
  }

  watch(reader: BenchClient, group?: string): void {
    const progress = { seen: -1 }
    this.progress.push(progress)
    const grouped = group === undefined ? undefined : this.groupSamples(group)
    reader.text.observe(() => {
      const now = performance.now()
      const update = this.updateAt.get(this.stateOf(reader))
      if (update === undefined) {
        this.unmatched++
        return
      }
      for (let i = progress.seen + 1; i <= update; i++) {
        const sentAt = this.sentAt[i]!
        if (!this.window.contains(sentAt)) continue
        this.latencies.push(now - sentAt)
        grouped?.push(now - sentAt)
        this.sampleSecond.push(Math.floor((sentAt - this.window.start) / 1000))
      }
      if (this.window.contains(now)) this.deliveriesInWindow += update - progress.seen
      progress.seen = Math.max(progress.seen, update)
    })
  }

  /** True once every reader has every update sent so far. */
  get drained(): boolean {
    const last = this.sentAt.length - 1
    return this.progress.every((reader) => reader.seen === last)
  }

  get updatesInWindow(): number {
    return this.sentAt.filter((at) => this.window.contains(at)).length
  }

  result(): {
    fanOut: Summary
    fanOutP99BySecond: number[]
    deliveriesPerSecond: number
    missingDeliveries: number
    unmatchedStates: number
  } {
    let missing = 0
    for (const reader of this.progress) {
      for (let i = reader.seen + 1; i < this.sentAt.length; i++) {
        if (this.window.contains(this.sentAt[i]!)) missing++
      }
    }
    const bySecond: number[][] = []
    this.sampleSecond.forEach((second, i) => (bySecond[second] ??= []).push(this.latencies[i]!))
    return {
      fanOut: summarize(this.latencies),
      fanOutP99BySecond: Array.from(bySecond, (samples) => summarize(samples ?? []).p99),
      deliveriesPerSecond: this.deliveriesInWindow / this.window.seconds,
      missingDeliveries: missing,
      unmatchedStates: this.unmatched,
    }
  }

  /** Fan-out of each group's readers, as `result().fanOut` is of all of them. */
  groupResults(): Record<string, Summary> {
    return Object.fromEntries(
      [...this.groups].map(([group, samples]) => [group, summarize(samples)]),
    )
  }

  private groupSamples(group: string): number[] {
    let samples = this.groups.get(group)
    if (!samples) this.groups.set(group, (samples = []))
    return samples
  }

  private stateOf(client: BenchClient): number {
    const clock = Y.getState(client.doc.store, this.writer.doc.clientID)
    // One number as the map key: the trace's text stays far below 2^21 characters.
    return clock * 0x200000 + client.text.length
  }
}
