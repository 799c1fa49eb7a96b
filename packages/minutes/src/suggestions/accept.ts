import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import { NODE_TYPES, type Suggestion } from './suggestion.ts'

/**
 * Turns suggestions found in `tr.doc` into explicit nodes, adding the steps to `tr` (so one
 * dispatch is one undo step). A suggestion that is a whole block converts the block; one
 * sentence of a longer block becomes a block of its own between what came before and after
 * it. Ids are left to UniqueID, which gives them as the transaction is applied. Answers which
 * were converted, in document order; overlapping ones are skipped (accept again to get them).
 */
export function acceptSuggestions(tr: Transform, suggestions: readonly Suggestion[]): Suggestion[] {
  const done: Suggestion[] = []
  // Last first: converting a span never moves the positions of those before it.
  const ordered = [...suggestions].sort((a, b) => b.item.source.from - a.item.source.from)
  for (const suggestion of ordered) {
    const { from, to } = suggestion.item.source
    if (done.some(({ item }) => to > item.source.from && from < item.source.to)) continue
    if (convert(tr, suggestion)) done.unshift(suggestion)
  }
  return done
}

function convert(tr: Transform, suggestion: Suggestion): boolean {
  const { from, to } = suggestion.item.source
  if (from < 0 || to > tr.doc.content.size || from >= to) return false
  const $from = tr.doc.resolve(from)
  const block = $from.parent
  if (!block.isTextblock || !$from.sameParent(tr.doc.resolve(to))) return false
  const start = $from.start()
  const type = tr.doc.type.schema.nodes[NODE_TYPES[suggestion.kind]]
  if (!type) return false

  const beforeEnd = skipSpace(tr.doc, from, start, -1)
  const afterStart = skipSpace(tr.doc, to, $from.end(), 1)
  const pieces: ProseMirrorNode[] = []
  try {
    if (beforeEnd > start) pieces.push(block.copy(block.content.cut(0, beforeEnd - start)))
    pieces.push(
      type.createChecked(attributes(suggestion), block.content.cut(from - start, to - start)),
    )
    if (afterStart < $from.end()) pieces.push(block.copy(block.content.cut(afterStart - start)))
    // Where the schema does not allow the node (first in a list item), ProseMirror fits it by
    // splitting the list around it.
    const [rangeFrom, rangeTo] = blockRange($from)
    tr.replaceWith(rangeFrom, rangeTo, pieces)
    return true
  } catch {
    return false
  }
}

/**
 * The range to replace: the block, or the list item that is nothing but the block, so the node
 * leaves the list rather than sitting under an empty bullet.
 */
function blockRange($pos: ResolvedPos): [number, number] {
  const depth = $pos.depth
  const item = depth > 1 ? $pos.node(depth - 1) : null
  if (item && /item$/i.test(item.type.name) && item.childCount === 1) {
    return [$pos.before(depth - 1), $pos.after(depth - 1)]
  }
  return [$pos.before(), $pos.after()]
}

/** Moves from `pos` towards `limit` over whitespace characters. */
function skipSpace(doc: ProseMirrorNode, pos: number, limit: number, step: 1 | -1): number {
  while (pos !== limit) {
    const [a, b] = step < 0 ? [pos - 1, pos] : [pos, pos + 1]
    if (!/^\s$/.test(doc.textBetween(a, b))) break
    pos += step
  }
  return pos
}

/** The node's attributes from what the extractor read; `id` is UniqueID's to give. */
export function attributes(suggestion: Suggestion): Record<string, unknown> {
  switch (suggestion.kind) {
    case 'action': {
      const { owners, assignee, due, dueText, status } = suggestion.item
      return { owners, assignee, due, dueText, status }
    }
    case 'ask': {
      const { target, supporters } = suggestion.item
      return { target, supporters, status: 'proposed' }
    }
    case 'decision':
      return {}
  }
}
