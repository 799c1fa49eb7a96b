import * as Y from 'yjs'
import { splitUpdate } from './split-update.ts'

/**
 * Applies a document's stored updates in one transaction, one after another. Not through
 * Y.mergeUpdates: merging is quadratic in updates and clients (a log of 5,000 keystrokes took
 * 465 ms to merge and 25 ms to apply in order; a fuzzed log with a client per update blocked
 * compaction for 3 s). A corrupt update is skipped rather than losing the whole document;
 * returns how many were skipped.
 */
export function applyStoredUpdates(
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  origin: unknown = null,
): number {
  let skipped = 0
  doc.transact(() => {
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update, origin)
      } catch {
        skipped++
      }
    }
  }, origin)
  return skipped
}

/**
 * applyStoredUpdates spread over event-loop turns: at most about `budgetMs` of applying per
 * turn, a row larger than `pieceBytes` applied in pieces (splitUpdate). Loading a document
 * costs in proportion to it, and a room loads on the event loop: a document of a few megabytes
 * applied at once held it for a second. Returns how many rows were corrupt and skipped.
 */
export async function applyStoredUpdatesInTurns(
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  { budgetMs, pieceBytes }: { budgetMs: number; pieceBytes: number },
): Promise<number> {
  let skipped = 0
  let next = 0
  let pieces: Uint8Array[] = []
  while (next < updates.length || pieces.length > 0) {
    const started = performance.now()
    doc.transact(() => {
      while (performance.now() - started < budgetMs) {
        if (pieces.length === 0) {
          if (next === updates.length) return
          try {
            pieces = splitUpdate(updates[next++]!, pieceBytes)
          } catch {
            skipped++
            continue
          }
        }
        try {
          Y.applyUpdate(doc, pieces.shift()!)
        } catch {
          // The rest of a row that does not apply would not either.
          skipped++
          pieces = []
        }
      }
    })
    if (next < updates.length || pieces.length > 0) {
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  return skipped
}
