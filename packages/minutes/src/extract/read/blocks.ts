import type { Node } from '@tiptap/pm/model'

/**
 * Flattens a minutes document into the text blocks the rules read: headings (which open a
 * section), paragraphs, list items and table rows, each with its plain text and a map from
 * text offsets back to ProseMirror positions. Explicit nodes (actionItem, ask, decision) are
 * collected apart and not read as prose.
 */

/** A stretch of a block's text and the document position it starts at. */
interface Segment {
  start: number
  end: number
  pos: number
  /** An inline atom (mention, hard break): one document position, `end - start` characters. */
  atom: boolean
}

export interface Mention {
  start: number
  end: number
  organisationId: string
}

export interface Section {
  /** The heading's text, or null before the first heading. */
  heading: string | null
  index: number
}

export interface Block {
  kind: 'heading' | 'paragraph' | 'listItem'
  /** A heading's level (1–6); null for other blocks. */
  level: number | null
  text: string
  section: Section
  /** For list items: the heading or paragraph just before the list (e.g. "Asks agreed"). */
  lead: string | null
  /** For items of a nested list: the text of the item it is nested in. */
  parent: string | null
  /** Every item it is nested in, nearest first ("Housing update - Joan Ashby" two levels up). */
  ancestors: string[]
  /** Every character is bold (a table's header row, a label line). */
  bold: boolean
  mentions: Mention[]
  segments: Segment[]
}

export interface ExplicitBlock {
  type: 'actionItem' | 'ask' | 'decision'
  node: Node
  text: string
  from: number
  to: number
  /** The node's text as a block, to read owners and dates from when its attributes give none. */
  block: Block
}

export const EXPLICIT_TYPES = new Set(['actionItem', 'ask', 'decision'])

export interface Walked {
  blocks: Block[]
  explicit: ExplicitBlock[]
}

/** Walks the document in order. `label` names an organisation id for mentions without one. */
export function walk(doc: Node, label: (organisationId: string) => string): Walked {
  const blocks: Block[] = []
  const explicit: ExplicitBlock[] = []
  let section: Section = { heading: null, index: 0 }
  let lead: string | null = null

  const visit = (
    node: Node,
    pos: number,
    inList: boolean,
    listLead: string | null,
    parents: string[],
  ) => {
    const parent = parents[0] ?? null
    const name = node.type.name
    if (EXPLICIT_TYPES.has(name)) {
      const read = inlineText(node, pos, label)
      explicit.push({
        type: name as ExplicitBlock['type'],
        node,
        text: read.text,
        from: pos + 1,
        to: pos + node.nodeSize - 1,
        block: {
          kind: 'paragraph',
          level: null,
          section,
          lead: null,
          parent: null,
          ancestors: [],
          ...read,
        },
      })
      return
    }
    if (node.isTextblock) {
      const read = inlineText(node, pos, label)
      if (name === 'heading') {
        section = { heading: read.text.trim(), index: section.index + 1 }
      }
      const kind = name === 'heading' ? 'heading' : inList ? 'listItem' : 'paragraph'
      const level = name === 'heading' ? Number(node.attrs.level ?? 1) : null
      blocks.push({
        kind,
        level,
        section,
        lead: inList ? listLead : null,
        parent,
        ancestors: parents,
        ...read,
      })
      if (!inList && read.text.trim() !== '') lead = read.text.trim()
      return
    }
    const isList = /list$/i.test(name)
    const nextLead = isList && !inList ? lead : listLead
    // The items of a list nested in this item hang from its first paragraph; in an item left
    // empty ("* " then a nested list) they hang from the item before it.
    const own = name === 'listItem' ? (node.firstChild?.textContent.trim() ?? '') : ''
    const nested = own !== '' ? [own, ...parents] : parents
    let previousItem: string | null = null
    node.forEach((child, offset) => {
      const first = child.firstChild?.textContent.trim() ?? ''
      const emptyItem = isList && child.type.name === 'listItem' && first === ''
      visit(
        child,
        pos + 1 + offset,
        inList || isList,
        nextLead,
        child.isTextblock
          ? parents
          : emptyItem && previousItem !== null
            ? [previousItem, ...parents]
            : nested,
      )
      if (isList && first !== '') previousItem = first
    })
  }
  doc.forEach((child, offset) => visit(child, offset, false, null, []))
  return { blocks, explicit }
}

interface InlineText {
  text: string
  bold: boolean
  mentions: Mention[]
  segments: Segment[]
}

function inlineText(node: Node, pos: number, label: (id: string) => string): InlineText {
  let text = ''
  let bold = true
  const mentions: Mention[] = []
  const segments: Segment[] = []
  node.forEach((child, offset) => {
    const start = text.length
    const childPos = pos + 1 + offset
    if (child.isText) {
      text += child.text ?? ''
      if (/\S/.test(child.text ?? '') && !child.marks.some((m) => m.type.name === 'bold')) {
        bold = false
      }
      segments.push({ start, end: text.length, pos: childPos, atom: false })
      return
    }
    if (child.type.name === 'organisationMention') {
      const id = String(child.attrs.id ?? '')
      const shown =
        typeof child.attrs.label === 'string' && child.attrs.label ? child.attrs.label : label(id)
      text += shown || id
      bold = false
      mentions.push({ start, end: text.length, organisationId: id })
    } else {
      text += child.isLeaf ? ' ' : child.textContent
    }
    segments.push({ start, end: text.length, pos: childPos, atom: true })
  })
  return { text, bold: bold && text.trim() !== '', mentions, segments }
}

/** The document position of a text offset in a block (`end` for the end of a range). */
export function positionAt(block: Block, offset: number, end = false): number {
  for (const segment of block.segments) {
    if (offset < segment.start) break
    if (offset < segment.end || (offset === segment.end && end)) {
      if (!segment.atom) return segment.pos + (offset - segment.start)
      return offset === segment.start ? segment.pos : segment.pos + 1
    }
  }
  const last = block.segments.at(-1)
  return last ? last.pos + (last.atom ? 1 : last.end - last.start) : 0
}
