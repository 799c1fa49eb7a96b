import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import type { Extraction } from '../extract/types.ts'
import { STRUCTURED_NODE_TYPES } from '../nodes/unique-ids.ts'
import { acceptSuggestions } from './accept.ts'
import { strongSuggestions } from './suggestion.ts'

/** Accepting can uncover suggestions the overlapping ones hid; a few passes find them all. */
const MAX_PASSES = 5

/**
 * Every strong suggestion in `doc` accepted, as the "Accept all" button does, for minutes made
 * without an editor (the demo's meetings). `extract` reads a document (the caller's language
 * and context). Structured nodes get ids from `newId`, since no UniqueID extension is there to
 * give them.
 */
export function acceptAllSuggestions(
  doc: ProseMirrorNode,
  extract: (doc: ProseMirrorNode) => Extraction,
  newId: () => string = () => crypto.randomUUID(),
): ProseMirrorNode {
  const tr = new Transform(doc)
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    if (acceptSuggestions(tr, strongSuggestions(extract(tr.doc))).length === 0) break
  }
  const structured = new Set<string>(STRUCTURED_NODE_TYPES)
  tr.doc.descendants((node, pos) => {
    if (structured.has(node.type.name) && !node.attrs.id) {
      tr.setNodeMarkup(pos, undefined, { ...node.attrs, id: newId() })
    }
  })
  return tr.doc
}
