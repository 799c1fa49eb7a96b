export interface DebounceTiming {
  /** Quiet time after the last call before the work runs. */
  waitMs: number
  /** Longest the work waits after the first call of a burst, however busy it stays. */
  maxWaitMs: number
}

interface Pending {
  timer: ReturnType<typeof setTimeout>
  /** When the first call of this burst came: the cap counts from here. */
  firstAt: number
}

/**
 * A trailing debounce per key, capped: `run(key)` happens `waitMs` after the last `schedule`,
 * but never more than `maxWaitMs` after the first, so a steady stream of calls (someone typing
 * without a pause) still runs it at least that often.
 */
export class CappedDebounce {
  private readonly pending = new Map<string, Pending>()

  constructor(
    private readonly timing: DebounceTiming,
    private readonly run: (key: string) => void,
  ) {}

  schedule(key: string): void {
    const now = Date.now()
    const current = this.pending.get(key)
    if (current) clearTimeout(current.timer)
    const firstAt = current?.firstAt ?? now
    const delay = Math.max(0, Math.min(this.timing.waitMs, firstAt + this.timing.maxWaitMs - now))
    const timer = setTimeout(() => this.fire(key), delay)
    this.pending.set(key, { timer, firstAt })
  }

  /** True while work for the key waits. */
  has(key: string): boolean {
    return this.pending.has(key)
  }

  /** Forgets waiting work for the key; returns whether there was any. */
  cancel(key: string): boolean {
    const current = this.pending.get(key)
    if (!current) return false
    clearTimeout(current.timer)
    this.pending.delete(key)
    return true
  }

  /** Forgets all waiting work; returns the keys it was waiting for. */
  cancelAll(): string[] {
    const keys = [...this.pending.keys()]
    for (const key of keys) this.cancel(key)
    return keys
  }

  private fire(key: string): void {
    this.pending.delete(key)
    this.run(key)
  }
}
