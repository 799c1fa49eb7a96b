import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

/** An update the document took, and the origin it was applied with. */
export type DocumentChange = { update: Uint8Array; origin: unknown }

/**
 * Collects what changes a room's document, transaction by transaction, as updates to send on.
 *
 * Yjs encodes every transaction again for its 'update' event, in time that grows with what
 * the transaction changed: for a room applying a large paste that doubled the work, and most
 * of a commit's time went to encoding what had just been decoded. An update from a client's
 * editor (`applyAsIs`) is therefore sent on as it came, once it changed anything; other
 * transactions (a step 2, which can repeat much of the document; Yjs' own clean-up of
 * formatting, origin null) are encoded by Yjs as before.
 */
export class DocumentChanges {
  private changes: DocumentChange[] = []
  private asIs: DocumentChange | null = null

  constructor(
    private readonly doc: Y.Doc,
    /** Called after each change is recorded. */
    private readonly changed: () => void,
  ) {
    doc.on('update', this.onUpdate)
    doc.on('afterTransaction', this.afterTransaction)
  }

  /** Applies an update whose change, if it makes one, is recorded as the update itself. */
  applyAsIs(update: Uint8Array, origin: unknown): void {
    this.asIs = { update, origin }
    // Without an 'update' listener Yjs does not encode the transaction.
    this.doc.off('update', this.onUpdate)
    try {
      Y.applyUpdate(this.doc, update, origin)
    } finally {
      this.asIs = null
      this.doc.on('update', this.onUpdate)
    }
  }

  /** The changes recorded since the last call. */
  take(): DocumentChange[] {
    const changes = this.changes
    this.changes = []
    return changes
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.record({ update, origin })
  }

  private readonly afterTransaction = (transaction: Y.Transaction): void => {
    // Only while applyAsIs runs: otherwise the 'update' event records it.
    if (!this.asIs || !changesDocument(transaction)) return
    if (transaction.origin === this.asIs.origin) return this.record(this.asIs)
    // A transaction Yjs started itself meanwhile (formatting clean-up): what it added, with
    // the whole delete set, which holds its deletions.
    const before = stateVector(transaction.beforeState)
    this.record({ update: Y.encodeStateAsUpdate(this.doc, before), origin: transaction.origin })
  }

  private record(change: DocumentChange): void {
    this.changes.push(change)
    this.changed()
  }
}

/** Yjs' own test before it emits 'update': something was added or deleted. */
function changesDocument(transaction: Y.Transaction): boolean {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) {
    if ((transaction.beforeState.get(client) ?? 0) !== clock) return true
  }
  return false
}

/** A state vector in Yjs' encoding (Y.encodeStateVector takes only a document). */
function stateVector(clocks: ReadonlyMap<number, number>): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, clocks.size)
  for (const [client, clock] of clocks) {
    encoding.writeVarUint(encoder, client)
    encoding.writeVarUint(encoder, clock)
  }
  return encoding.toUint8Array(encoder)
}
