/** What a lock keeps to one instance: each is taken separately, so one never skips the other. */
export type LockPurpose = 'compaction' | 'projection'

/**
 * One writer per document and purpose across every instance sharing the storage, for work that
 * is wasteful or racy when instances repeat it (compacting a log, projecting the minutes).
 */
export interface DocumentLocks {
  /**
   * Runs `task` holding the lock and resolves true; resolves false at once, without running
   * it, while anyone else (another instance, or this one) holds it. The caller retries later.
   */
  withDocumentLock(
    docName: string,
    purpose: LockPurpose,
    task: () => Promise<void>,
  ): Promise<boolean>
}

/** Locks held by this process: all there is to it with one instance (SQLite). */
export class InProcessLocks implements DocumentLocks {
  private readonly held = new Set<string>()

  async withDocumentLock(
    docName: string,
    purpose: LockPurpose,
    task: () => Promise<void>,
  ): Promise<boolean> {
    const name = `${purpose}:${docName}`
    if (this.held.has(name)) return false
    this.held.add(name)
    try {
      await task()
      return true
    } finally {
      this.held.delete(name)
    }
  }
}
