import { minutesNode } from '@accord/minutes'
import type { Node } from '@tiptap/pm/model'
import type * as Y from 'yjs'

/** What a projection reads from a meeting's document, taken at one instant. */
export interface DocumentSnapshot {
  /** The minutes as ProseMirror reads them with the shared schema. */
  node: Node
  /** Keys of the suggestions someone dismissed (the Y.Map `dismissed`, see STRUCTURE.md). */
  dismissed: string[]
}

/**
 * Reads the document synchronously: the room may destroy it straight afterwards. The result is
 * immutable, so it can wait for storage while people keep typing.
 */
export function readDocument(doc: Y.Doc): DocumentSnapshot {
  return {
    node: minutesNode(doc),
    dismissed: [...doc.getMap('dismissed').keys()],
  }
}
