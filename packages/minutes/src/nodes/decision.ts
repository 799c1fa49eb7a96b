import { mergeAttributes, Node } from '@tiptap/core'
import { idAttribute } from './attributes.ts'
import { backspaceToParagraph } from './block-keys.ts'

/** The attributes of a `decision` node (see STRUCTURE.md). */
export interface DecisionAttrs {
  id: string | null
}

/** Something the meeting decided. */
export const Decision = Node.create({
  name: 'decision',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return { id: idAttribute() }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="decision"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-type': 'decision' }, HTMLAttributes), 0]
  },

  addKeyboardShortcuts() {
    return { Backspace: () => backspaceToParagraph(this.editor, this.name) }
  },
})
