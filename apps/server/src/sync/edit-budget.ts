/**
 * How many bytes of edits each person may send: a token bucket per person, holding one
 * minute's worth and refilled at that rate. Every content frame (a sync step 2 or update) is
 * charged to the person whose session opened its socket, whichever of their sockets and
 * meetings it comes from.
 *
 * Over budget nothing is refused: the frame that overdrew is taken, and the person's socket
 * is then not read until the budget is back at zero, so what they send next waits in their
 * own browser and in the network. The page shows "Saving…" a little longer; nothing typed is
 * lost or has to be typed again. Refusing instead would not work: y-websocket would reconnect
 * and send the whole unsaved paste again in its step 2, which would be refused again.
 */
export class EditBudgets {
  private readonly buckets = new Map<string, { bytes: number; at: number }>()
  private charges = 0

  constructor(
    private readonly bytesPerMinute: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Takes `bytes` from the person's budget; returns how many milliseconds their socket should
   * then not be read for (0 while within budget).
   */
  charge(personId: string, bytes: number): number {
    const now = this.now()
    const bucket = this.refilled(this.buckets.get(personId), now)
    bucket.bytes -= bytes
    this.buckets.set(personId, bucket)
    if (++this.charges % PRUNE_EVERY === 0) this.prune(now)
    return bucket.bytes >= 0 ? 0 : Math.ceil(-bucket.bytes / this.perMs)
  }

  private get perMs(): number {
    return this.bytesPerMinute / 60_000
  }

  private refilled(bucket: { bytes: number; at: number } | undefined, now: number) {
    if (!bucket) return { bytes: this.bytesPerMinute, at: now }
    const bytes = Math.min(this.bytesPerMinute, bucket.bytes + (now - bucket.at) * this.perMs)
    return { bytes, at: now }
  }

  /** Forgets people whose budget is full again: they are as if they had sent nothing. */
  private prune(now: number): void {
    for (const [personId, bucket] of this.buckets) {
      if (this.refilled(bucket, now).bytes >= this.bytesPerMinute) this.buckets.delete(personId)
    }
  }
}

const PRUNE_EVERY = 1000
