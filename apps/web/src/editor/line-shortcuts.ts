import type { StructuredNodeType } from '@accord/minutes/nodes'
import { Extension, InputRule } from '@tiptap/core'
import { initialAttributes } from './structured-blocks.ts'

/**
 * Typing "Action: ", "Ask: ", "Decision: " or "[ ] " at the start of a paragraph turns it into
 * that node; the words after the caret stay as its text. Backspace straight afterwards gives
 * the typed words back (see the nodes' Backspace handling).
 */
function lineStart(find: RegExp, type: StructuredNodeType): InputRule {
  return new InputRule({
    find,
    handler: ({ state, range }) => {
      const $start = state.doc.resolve(range.from)
      const nodeType = state.schema.nodes[type]
      if (!nodeType || $start.parent.type.name !== 'paragraph') return null
      // e.g. the first paragraph of a list item, which must stay a paragraph
      if (!$start.node(-1).canReplaceWith($start.index(-1), $start.indexAfter(-1), nodeType)) {
        return null
      }
      state.tr
        .delete(range.from, range.to)
        .setBlockType(range.from, range.from, nodeType, initialAttributes(type, $start.parent))
    },
  })
}

export const LineShortcuts = Extension.create({
  name: 'lineShortcuts',

  addInputRules() {
    return [
      lineStart(/^action:\s$/i, 'actionItem'),
      lineStart(/^\[ ?\]\s$/, 'actionItem'),
      lineStart(/^ask:\s$/i, 'ask'),
      lineStart(/^decision:\s$/i, 'decision'),
    ]
  },
})
