import { DISMISSED_FIELD, minutesNode } from '@accord/minutes'
import type { Node } from '@tiptap/pm/model'
import type * as Y from 'yjs'

/** What a projection reads from a meeting's document. */
export interface DocumentSnapshot {
  /** The minutes as ProseMirror reads them with the shared schema. */
  node: Node
  /** Keys of the suggestions someone dismissed (the Y.Map `dismissed`, see STRUCTURE.md). */
  dismissed: string[]
}

/**
 * Reads the minutes and the dismissed keys of a document. It takes time in proportion to the
 * minutes, so the server calls it in an extraction worker, on its own copy of the document
 * (project-state.ts), never on a room's; that copy, thrown away after, need not be copied
 * again to be read (`copy: false`).
 */
export function readDocument(
  doc: Y.Doc,
  { copy = true }: { copy?: boolean } = {},
): DocumentSnapshot {
  return {
    node: minutesNode(doc, { copy }),
    dismissed: [...doc.getMap(DISMISSED_FIELD).keys()],
  }
}
