import * as Y from 'yjs'

/**
 * Applies a document's stored updates, merged into one. A corrupt update is skipped rather
 * than losing the whole document; returns how many were skipped.
 */
export function applyStoredUpdates(
  doc: Y.Doc,
  updates: readonly Uint8Array[],
  origin: unknown = null,
): number {
  if (updates.length === 0) return 0
  try {
    Y.applyUpdate(doc, Y.mergeUpdates([...updates]), origin)
    return 0
  } catch {
    let skipped = 0
    for (const update of updates) {
      try {
        Y.applyUpdate(doc, update, origin)
      } catch {
        skipped++
      }
    }
    return skipped
  }
}
