import type { JSONContent } from '@tiptap/core'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type { Node } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { MINUTES_FIELD, minutesSchema } from './schema.ts'

export interface MinutesContent {
  /** ProseMirror JSON, as the editor would produce it. */
  json: JSONContent
  /** Plain text, one line per block. */
  text: string
}

/**
 * Reads a meeting's Y.Doc with the schema that wrote it. Content the schema does not know
 * is dropped by ProseMirror, which is what the editor would show too.
 */
export function readMinutes(doc: Y.Doc): MinutesContent {
  const node = minutesNode(doc)
  // A hard break is a line break in the text too, and a mention reads as its label (`@ALC`).
  const text = node.textBetween(0, node.content.size, '\n', (leaf) =>
    leaf.type.name === 'hardBreak' ? '\n' : (leaf.type.spec.leafText?.(leaf) ?? ''),
  )
  return { json: node.toJSON() as JSONContent, text }
}

/**
 * The minutes as a ProseMirror node. y-prosemirror deletes from the document it reads whatever
 * the schema cannot hold (minutes stored before the room refused such content may have some),
 * so it reads a copy: reading must never change the minutes, above all not the server's own
 * copy, whose changes would be sent to everyone. A caller whose document is already a private
 * copy, thrown away after (an extraction worker's), passes `{ copy: false }`.
 */
export function minutesNode(doc: Y.Doc, { copy: copying = true }: { copy?: boolean } = {}): Node {
  if (!copying) {
    return yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(MINUTES_FIELD), minutesSchema())
  }
  const copy = new Y.Doc()
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    return yXmlFragmentToProseMirrorRootNode(copy.getXmlFragment(MINUTES_FIELD), minutesSchema())
  } finally {
    copy.destroy()
  }
}
