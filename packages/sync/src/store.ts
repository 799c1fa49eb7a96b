/**
 * Where rooms keep their documents. A document is stored as a log of Yjs updates; loading
 * merges them, so content is never re-created from JSON or text (which duplicates it).
 */
export interface StoredUpdate {
  docName: string
  update: Uint8Array
}

export interface DocumentStore {
  /** Every stored update of a document, in any order: Yjs updates commute. */
  load(docName: string): Promise<Uint8Array[]>
  /** Appends updates of one or more documents in a single transaction. */
  append(updates: readonly StoredUpdate[]): Promise<void>
  /**
   * Replaces every stored update of a document with one snapshot, in a single transaction.
   * The caller guarantees no append for this document is in flight meanwhile.
   */
  compact(docName: string, snapshot: Uint8Array): Promise<void>
}

/** A store that keeps documents in memory: for tests of the room server and ephemeral rooms. */
export class MemoryStore implements DocumentStore {
  readonly documents = new Map<string, Uint8Array[]>()

  load(docName: string): Promise<Uint8Array[]> {
    return Promise.resolve([...(this.documents.get(docName) ?? [])])
  }

  append(updates: readonly StoredUpdate[]): Promise<void> {
    for (const { docName, update } of updates) {
      const log = this.documents.get(docName) ?? []
      log.push(update)
      this.documents.set(docName, log)
    }
    return Promise.resolve()
  }

  compact(docName: string, snapshot: Uint8Array): Promise<void> {
    this.documents.set(docName, [snapshot])
    return Promise.resolve()
  }
}
