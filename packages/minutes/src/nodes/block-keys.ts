import type { Editor } from '@tiptap/core'

/**
 * Backspace at the very start of a structured block turns it back into a paragraph, the way
 * Backspace leaves a heading or list item in most editors. Straight after a line-start shortcut
 * ("Action: ") it first gives the typed words back instead.
 */
export function backspaceToParagraph(editor: Editor, name: string): boolean {
  const { empty, $anchor } = editor.state.selection
  if (!empty || $anchor.parent.type.name !== name || $anchor.parentOffset !== 0) return false
  return editor.commands.first(({ commands }) => [
    () => commands.undoInputRule(),
    () => commands.setNode('paragraph'),
  ])
}
