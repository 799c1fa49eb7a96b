import { MINUTES_FIELD, minutesSchema } from '@accord/minutes'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import fc from 'fast-check'
import * as Y from 'yjs'

/**
 * One random edit, as numbers resolved against the replica's document when it is made:
 * positions are taken modulo the document's size, so any value is a valid edit there.
 */
export interface EditSpec {
  /** `text`: the plain Y.Text; `minutes`: the editor's XmlFragment, written the editor's way. */
  target: 'text' | 'minutes'
  kind: number
  at: number
  length: number
  content: string
}

export const editSpec: fc.Arbitrary<EditSpec> = fc.record({
  target: fc.constantFrom('text', 'minutes'),
  kind: fc.nat({ max: 5 }),
  at: fc.nat({ max: 1000 }),
  length: fc.integer({ min: 1, max: 8 }),
  // Surrogate pairs and newlines are where text positions go wrong.
  content: fc.string({
    unit: fc.constantFrom('a', 'b', 'c', ' ', 'é', '😀', '\n'),
    minLength: 1,
    maxLength: 5,
  }),
})

/** Makes the edit; returns whether it changed the document (Yjs emitted an update). */
export function applyEdit(doc: Y.Doc, edit: EditSpec): boolean {
  let changed = false
  const onUpdate = () => (changed = true)
  doc.on('update', onUpdate)
  try {
    if (edit.target === 'text') editText(doc.getText('text'), edit)
    else editMinutes(doc, edit)
  } finally {
    doc.off('update', onUpdate)
  }
  return changed
}

function editText(text: Y.Text, { kind, at, length, content }: EditSpec): void {
  const string = text.toString()
  const size = string.length
  const from = caret(string, at % (size + 1))
  if (kind <= 2 || size === 0) {
    text.insert(from, content, kind === 1 ? { bold: true } : undefined)
    return
  }
  const to = caret(string, Math.min(size, from + length))
  if (to <= from) return
  if (kind <= 4) text.delete(from, to - from)
  else text.format(from, to - from, { italic: true })
}

/**
 * The nearest position at or before `position` that is not inside a surrogate pair: where a
 * caret can be (see splitsSurrogatePair). Yjs replaces the halves of a pair split by an edit
 * with U+FFFD on the replica that splits it, and not always on the others.
 */
function caret(string: string, position: number): number {
  const code = string.charCodeAt(position)
  return position > 0 && code >= 0xdc00 && code <= 0xdfff ? position - 1 : position
}

/**
 * Edits the minutes the way the editor does: a ProseMirror transform on the document read
 * from the fragment, written back by y-tiptap's updateYFragment (the diff the sync plugin
 * makes after each editor transaction).
 */
function editMinutes(doc: Y.Doc, edit: EditSpec): void {
  const fragment = doc.getXmlFragment(MINUTES_FIELD)
  const schema = minutesSchema()
  const before = yXmlFragmentToProseMirrorRootNode(fragment, schema)
  const after = transform(before, edit)
  if (!after || after.eq(before) || splitsSurrogatePair(after)) return
  updateYFragment(doc, fragment, after, { mapping: new Map(), isOMark: new Map() })
}

function transform(node: ProseMirrorNode, { kind, at, length, content }: EditSpec) {
  const schema = node.type.schema
  const tr = new Transform(node)
  const textPositions = inlinePositions(node)
  const blockPositions = blockBoundaries(node)
  const words = content.replace(/\n/g, ' ')
  try {
    if (kind <= 1 && textPositions.length > 0) {
      const position = textPositions[at % textPositions.length]!
      const marks = kind === 1 ? [schema.marks.bold!.create()] : undefined
      tr.insert(position, schema.text(words, marks))
    } else if (kind === 2 && textPositions.length > 0) {
      // Enter: split the block the cursor is in.
      tr.split(textPositions[at % textPositions.length]!)
    } else if (kind === 3 && node.content.size > 0) {
      const from = at % node.content.size
      tr.delete(from, Math.min(node.content.size, from + length))
    } else if (kind === 4 && textPositions.length > 0) {
      const from = textPositions[at % textPositions.length]!
      tr.addMark(from, Math.min(from + length, node.content.size), schema.marks.italic!.create())
    } else {
      // A new block: a heading, an action item or a paragraph, between two blocks.
      const types = [schema.nodes.heading!, schema.nodes.actionItem!, schema.nodes.paragraph!]
      const type = types[length % types.length]!
      const attrs = type === schema.nodes.heading ? { level: 1 + (at % 3) } : null
      tr.insert(blockPositions[at % blockPositions.length]!, type.create(attrs, schema.text(words)))
    }
  } catch {
    // A step the schema does not allow there; the editor would not make it either.
    return null
  }
  return tr.doc
}

/**
 * A browser never puts the caret inside a surrogate pair (an emoji), so the editor never makes
 * a text node holding half of one. Yjs could not share it anyway: updates encode strings as
 * UTF-8, where a lone surrogate becomes U+FFFD, so only the replica that made it would keep it.
 */
function splitsSurrogatePair(node: ProseMirrorNode): boolean {
  let split = false
  node.descendants((child) => {
    if (child.isText && LONE_SURROGATE.test(child.text!)) split = true
    return !split
  })
  return split
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Positions where a cursor may type: inside blocks holding inline content. */
function inlinePositions(node: ProseMirrorNode): number[] {
  const positions: number[] = []
  node.descendants((child, position) => {
    if (!child.inlineContent) return true
    for (let offset = 0; offset <= child.content.size; offset++) {
      positions.push(position + 1 + offset)
    }
    return false
  })
  return positions
}

/** Positions between the document's top-level blocks. */
function blockBoundaries(node: ProseMirrorNode): number[] {
  const positions = [0]
  node.forEach((_child, offset, index) => positions.push(offset + node.child(index).nodeSize))
  return positions
}
