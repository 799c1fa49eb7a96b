import UniqueID from '@tiptap/extension-unique-id'
import type { Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

/** The nodes that carry a stable `id`: what the ledger keys its explicit items by. */
export const STRUCTURED_NODE_TYPES = ['actionItem', 'ask', 'decision'] as const
export type StructuredNodeType = (typeof STRUCTURED_NODE_TYPES)[number]

/** A transaction that applies a change from Yjs (another person's edit, or a Yjs undo). */
function isChangeOrigin(transaction: Transaction): boolean {
  return Boolean(transaction.getMeta(ySyncPluginKey))
}

/**
 * Gives every structured node an id once and makes ids unique again after a paste or a split.
 * Editor only: the server builds its schema from {@link minutesExtensions} and never runs this.
 *
 * Changes arriving through Yjs are left alone: the person who made the change already gave the
 * ids, and two editors renaming the same node at once would fight. `updateDocument: false` is
 * for observers, whose writes the server refuses.
 */
export function structuredNodeIds({ updateDocument = true }: { updateDocument?: boolean } = {}) {
  return UniqueID.configure({
    types: [...STRUCTURED_NODE_TYPES],
    attributeName: 'id',
    filterTransaction: (transaction) => !isChangeOrigin(transaction),
    updateDocument,
  })
}
