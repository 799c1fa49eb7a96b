import { mergeAttributes, Node } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { textAttribute } from './attributes.ts'

/** The attributes of an `organisationMention` node (see STRUCTURE.md). */
export interface OrganisationMentionAttrs {
  /** Organisation id. */
  id: string | null
  /** Its short name when it was mentioned. */
  label: string | null
}

/** How a mention reads as text: `@ALC`. */
export function mentionText(node: ProseMirrorNode): string {
  const label: unknown = node.attrs.label
  return `@${typeof label === 'string' ? label : ''}`
}

/**
 * An organisation of the coalition named in the minutes, shown as an `@ALC` chip. A small node
 * rather than @tiptap/extension-mention: that one carries the suggestion plugin (and its
 * floating-ui) into the schema the server loads, and an extra `mentionSuggestionChar` attribute.
 * The editor adds the `@` suggestion on top.
 */
export const OrganisationMention = Node.create({
  name: 'organisationMention',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: false,

  addAttributes() {
    return { id: textAttribute('id'), label: textAttribute('label') }
  },

  parseHTML() {
    return [{ tag: 'span[data-type="organisation-mention"]' }]
  },

  renderHTML({ node, HTMLAttributes }) {
    return [
      'span',
      mergeAttributes({ 'data-type': 'organisation-mention', class: 'mention' }, HTMLAttributes),
      mentionText(node),
    ]
  },

  renderText({ node }) {
    return mentionText(node)
  },

  // ProseMirror's own textBetween (and so the server's plain text) reads `leafText`.
  extendNodeSchema(extension) {
    return extension.name === 'organisationMention' ? { leafText: mentionText } : {}
  },
})
