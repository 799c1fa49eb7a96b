/**
 * Where rooms keep their documents. A document is stored as a log of Yjs updates; loading
 * merges them, so content is never re-created from JSON or text (which duplicates it).
 */
export interface StoredUpdate {
  docName: string
  update: Uint8Array
}

declare const logPosition: unique symbol
/**
 * Which of a document's updates a read returned (the last id, or every id where ids may commit
 * out of order). Opaque: only the store that gave it reads it.
 */
export type LogPosition = string & { readonly [logPosition]: true }

/** A document's stored updates and which they were, for compacting exactly those. */
export interface DocumentLog {
  updates: Uint8Array[]
  position: LogPosition
}

export interface DocumentStore {
  /** Every stored update of a document, in any order: Yjs updates commute. */
  load(docName: string): Promise<Uint8Array[]>
  /** Like `load`, with the position that names the updates read. */
  loadLog(docName: string): Promise<DocumentLog>
  /** Appends updates of one or more documents in a single transaction. */
  append(updates: readonly StoredUpdate[]): Promise<void>
  /**
   * Replaces the updates a `loadLog` read (its `position`) with one snapshot, in a single
   * transaction. Updates appended after that read stay, so an append by another instance
   * meanwhile is never lost. The snapshot must hold at least the updates it replaces; it is
   * stored after the ones that stay, which is fine: Yjs updates commute (compaction.test.ts).
   */
  compact(docName: string, snapshot: Uint8Array, position: LogPosition): Promise<void>
}

/** A store that keeps documents in memory: for tests of the room server and ephemeral rooms. */
export class MemoryStore implements DocumentStore {
  /** Each document's log in the order appended; `id` only grows, across documents. */
  readonly documents = new Map<string, { id: number; update: Uint8Array }[]>()
  private lastId = 0

  load(docName: string): Promise<Uint8Array[]> {
    return Promise.resolve((this.documents.get(docName) ?? []).map((row) => row.update))
  }

  loadLog(docName: string): Promise<DocumentLog> {
    const rows = this.documents.get(docName) ?? []
    const position = String(rows.at(-1)?.id ?? 0) as LogPosition
    return Promise.resolve({ updates: rows.map((row) => row.update), position })
  }

  append(updates: readonly StoredUpdate[]): Promise<void> {
    for (const { docName, update } of updates) this.push(docName, update)
    return Promise.resolve()
  }

  compact(docName: string, snapshot: Uint8Array, position: LogPosition): Promise<void> {
    const last = Number(position)
    const kept = (this.documents.get(docName) ?? []).filter((row) => row.id > last)
    this.documents.set(docName, kept)
    this.push(docName, snapshot)
    return Promise.resolve()
  }

  private push(docName: string, update: Uint8Array): void {
    const log = this.documents.get(docName) ?? []
    log.push({ id: ++this.lastId, update })
    this.documents.set(docName, log)
  }
}
