import {
  NEW_ASK_CLAIMS,
  permittedAskClaims,
  type AskClaims,
  type AskWriter,
} from '@accord/minutes/nodes'
import { Extension } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'

export interface AskGuardOptions {
  /** Who is editing; a chair or the secretariat needs no guard. */
  writer: AskWriter | null
}

/**
 * Keeps this person's own edits of asks within what the server accepts from them (see
 * askChangeRefusal in @accord/minutes/nodes), so that an ordinary edit is never refused.
 * A member's new ask (split off another, pasted, accepted from a suggestion: each gets a key of
 * its own) claims no status and no other organisation's backing; an ask that keeps its key (one
 * moved, or wrapped in a list) keeps what it claimed. The server judges a new ask the same way.
 *
 * Changes arriving through Yjs (others' edits, an undo) are left alone: the server has judged
 * or will judge them, and rewriting them here would fight the person who made them.
 */
export const AskGuard = Extension.create<AskGuardOptions>({
  name: 'askGuard',

  addOptions() {
    return { writer: null }
  },

  addProseMirrorPlugins() {
    const writer = this.options.writer
    if (!writer || writer.mayMoveAsks) return []
    return [
      new Plugin({
        key: new PluginKey('askGuard'),
        appendTransaction(transactions, oldState, newState) {
          if (!transactions.some(isOwnEdit)) return null
          const before = asksByKey(oldState.doc)
          const tr = newState.tr
          newState.doc.descendants((node, pos) => {
            if (node.type.name !== 'ask') return !node.isTextblock
            const key = typeof node.attrs.id === 'string' ? node.attrs.id : null
            const prior = key === null ? undefined : before.get(key)
            if (prior && sameClaims(prior, node.attrs)) return false
            const claims = { status: node.attrs.status, supporters: node.attrs.supporters }
            const permitted = permittedAskClaims(prior ?? NEW_ASK_CLAIMS, claims, writer)
            if (!sameClaims(permitted, node.attrs)) {
              tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...permitted })
            }
            return false
          })
          return tr.docChanged ? tr : null
        },
      }),
    ]
  },
})

function isOwnEdit(transaction: Transaction): boolean {
  return transaction.docChanged && !transaction.getMeta(ySyncPluginKey)
}

function asksByKey(doc: ProseMirrorNode): Map<string, AskClaims> {
  const asks = new Map<string, AskClaims>()
  doc.descendants((node) => {
    if (node.type.name !== 'ask') return !node.isTextblock
    const { id, status, supporters } = node.attrs as Record<string, unknown>
    if (typeof id === 'string' && !asks.has(id)) asks.set(id, { status, supporters })
    return false
  })
  return asks
}

function sameClaims(a: AskClaims, b: Record<string, unknown> | AskClaims): boolean {
  const list = (value: unknown) =>
    Array.isArray(value) ? [...(value as unknown[])].map(String).sort().join('\u0000') : ''
  return a.status === b.status && list(a.supporters) === list(b.supporters)
}
