import { mergeAttributes, Node } from '@tiptap/core'
import { choiceAttribute, idAttribute, idListAttribute, textAttribute } from './attributes.ts'
import { backspaceToParagraph } from './block-keys.ts'

export const ASK_STATUSES = ['proposed', 'agreed', 'sent'] as const
export type AskStatus = (typeof ASK_STATUSES)[number]

/** The attributes of an `ask` node (see STRUCTURE.md). */
export interface AskAttrs {
  id: string | null
  /** Who is asked, outside the coalition, e.g. "HM Treasury". */
  target: string | null
  /** Organisation ids of those backing the ask. */
  supporters: string[]
  status: AskStatus
}

/** What the coalition asks of someone outside it, and who backs it. */
export const Ask = Node.create({
  name: 'ask',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      id: idAttribute(),
      target: textAttribute('target'),
      supporters: idListAttribute('supporters'),
      status: choiceAttribute('status', ASK_STATUSES, 'proposed'),
    }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="ask"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-type': 'ask' }, HTMLAttributes), 0]
  },

  addKeyboardShortcuts() {
    return { Backspace: () => backspaceToParagraph(this.editor, this.name) }
  },
})
