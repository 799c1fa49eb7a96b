import type { JSONContent } from '@tiptap/core'
import type { Mark, Schema } from '@tiptap/pm/model'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import MarkdownIt, { type Token } from 'markdown-it'
import * as Y from 'yjs'
import { DISMISSED_FIELD, MINUTES_FIELD, minutesSchema } from './schema.ts'

/** The shapes minutes arrive in: Markdown, or plain text pasted from an email or a word processor. */
export type MinutesFormat = 'markdown' | 'text'

/**
 * Turns existing minutes into a minutes document (ProseMirror JSON of a `doc` in the minutes
 * schema), checked against that schema. Pure: no I/O, no DOM.
 *
 * Markdown is read as CommonMark (plus tables and ~~strikethrough~~) with raw HTML switched
 * off, so `<script>` or `<img onerror>` in the source stays literal text. A soft line break is
 * a space, as in any Markdown renderer. The schema has no table: each table row becomes one
 * paragraph, its non-empty cells joined by " – ", the header row in bold. Images become their
 * alt text, and only http(s) and mailto links keep their link.
 *
 * Plain text: blocks are separated by blank lines; lines starting with "- ", "* " or "• " are
 * bullet items. Within a block every line is its own paragraph (as ProseMirror does when plain
 * text is pasted into the editor), except that a line starting with a lower-case letter
 * continues the line before it, which keeps hard-wrapped email text in one paragraph.
 */
export function importMinutes(source: string, format: MinutesFormat): JSONContent {
  const schema = minutesSchema()
  const content =
    format === 'markdown' ? new MarkdownConverter(schema).convert(source) : textBlocks(source)
  const doc: JSONContent = { type: 'doc', content: content.length > 0 ? content : [paragraph([])] }
  const node = schema.nodeFromJSON(doc)
  node.check()
  return node.toJSON() as JSONContent
}

/**
 * The Yjs update of a fresh Y.Doc whose fragment {@link MINUTES_FIELD} holds the imported
 * minutes: what a meeting's document store would hold had the minutes been typed in the editor.
 * Each call writes with a new Yjs client, so applying two calls' updates to one document
 * holds the minutes twice: seed a meeting's document once.
 */
export function importMinutesToUpdate(source: string, format: MinutesFormat): Uint8Array {
  return minutesToUpdate(importMinutes(source, format))
}

/**
 * The Yjs update of a fresh Y.Doc holding `minutes`, a minutes document from any importer (for
 * example one converted from a word-processor file), and the suggestions already `dismissed`
 * (key → ISO time). Throws if it does not fit the minutes schema. The same caveat as
 * {@link importMinutesToUpdate}: seed a meeting's document once.
 */
export function minutesToUpdate(
  minutes: JSONContent,
  { dismissed = {} }: { dismissed?: Readonly<Record<string, string>> } = {},
): Uint8Array {
  const schema = minutesSchema()
  schema.nodeFromJSON(minutes).check()
  const doc = prosemirrorJSONToYDoc(schema, minutes, MINUTES_FIELD) as Y.Doc
  try {
    const map = doc.getMap<string>(DISMISSED_FIELD)
    for (const [key, at] of Object.entries(dismissed)) map.set(key, at)
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

function paragraph(content: JSONContent[]): JSONContent {
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }
}

function textNode(text: string, marks: readonly Mark[] = []): JSONContent | undefined {
  // ProseMirror refuses empty text nodes.
  if (text === '') return undefined
  return marks.length > 0
    ? { type: 'text', text, marks: marks.map((mark) => mark.toJSON() as { type: string }) }
    : { type: 'text', text }
}

// ---------------------------------------------------------------------------------------------
// Markdown

const markdown = new MarkdownIt('default', { html: false, linkify: false, typographer: false })

const SAFE_LINK = /^(?:https?:|mailto:)/i

/** A block being built: the node and the children collected for it so far. */
interface OpenBlock {
  node: JSONContent
  children: JSONContent[]
}

class MarkdownConverter {
  private readonly stack: OpenBlock[] = []
  /** Rows of the table being read, each a list of cells, each a list of inline nodes. */
  private table: { header: boolean; cells: JSONContent[][] }[] | undefined
  private rowIsHeader = false

  constructor(private readonly schema: Schema) {}

  convert(source: string): JSONContent[] {
    const root: OpenBlock = { node: { type: 'doc' }, children: [] }
    this.stack.push(root)
    for (const token of markdown.parse(source, {})) this.block(token)
    return root.children
  }

  private get current(): OpenBlock {
    return this.stack[this.stack.length - 1]!
  }

  private open(node: JSONContent): void {
    this.stack.push({ node, children: [] })
  }

  private close(): void {
    const block = this.stack.pop()!
    const { node, children } = block
    switch (node.type) {
      case 'listItem':
        // A list item starts with a paragraph ("- " alone, or "- > quote", has none).
        if (children[0]?.type !== 'paragraph') children.unshift(paragraph([]))
        break
      case 'blockquote':
        if (children.length === 0) children.push(paragraph([]))
        break
    }
    if (children.length > 0) node.content = children
    this.current.children.push(node)
  }

  private block(token: Token): void {
    switch (token.type) {
      case 'heading_open':
        return this.open({ type: 'heading', attrs: { level: Number(token.tag.slice(1)) } })
      case 'paragraph_open':
        return this.open({ type: 'paragraph' })
      case 'blockquote_open':
        return this.open({ type: 'blockquote' })
      case 'bullet_list_open':
        return this.open({ type: 'bulletList' })
      case 'ordered_list_open': {
        const start = Number(token.attrGet('start') ?? 1)
        return this.open({ type: 'orderedList', attrs: { start } })
      }
      case 'list_item_open':
        return this.open({ type: 'listItem' })
      case 'heading_close':
      case 'paragraph_close':
      case 'blockquote_close':
      case 'bullet_list_close':
      case 'ordered_list_close':
      case 'list_item_close':
        return this.close()
      case 'inline':
        if (this.table) {
          this.table.at(-1)?.cells.push(this.inline(token.children ?? []))
        } else {
          this.current.children.push(...this.inline(token.children ?? []))
        }
        return
      case 'fence':
      case 'code_block': {
        const text = token.content.replace(/\n$/, '')
        const language = token.info.trim().split(/\s+/)[0] || null
        const code = textNode(text)
        this.current.children.push({
          type: 'codeBlock',
          attrs: { language },
          ...(code ? { content: [code] } : {}),
        })
        return
      }
      case 'hr':
        this.current.children.push({ type: 'horizontalRule' })
        return
      case 'table_open':
        this.table = []
        return
      case 'thead_open':
        this.rowIsHeader = true
        return
      case 'thead_close':
        this.rowIsHeader = false
        return
      case 'tr_open':
        this.table?.push({ header: this.rowIsHeader, cells: [] })
        return
      case 'table_close':
        this.current.children.push(...this.tableRows(this.table ?? []))
        this.table = undefined
        return
      case 'html_block':
        // Not produced with html: false; kept as literal text should that ever change.
        this.current.children.push(paragraph(compact([textNode(token.content.trim())])))
        return
      default:
        // tbody, th/td open and close, tr_close: the table's structure is read above.
        return
    }
  }

  private tableRows(rows: { header: boolean; cells: JSONContent[][] }[]): JSONContent[] {
    const bold = this.schema.marks.bold!.create()
    return rows.map(({ header, cells }) => {
      const content: JSONContent[] = []
      for (const cell of cells.filter((inline) => inline.length > 0)) {
        if (content.length > 0) content.push({ type: 'text', text: ' – ' })
        content.push(...cell)
      }
      return paragraph(header ? content.map((node) => this.withMark(node, bold)) : content)
    })
  }

  /** Adds a mark to a text node, in the schema's order and respecting exclusions (code). */
  private withMark(node: JSONContent, mark: Mark): JSONContent {
    if (node.type !== 'text') return node
    const set = (node.marks ?? []).map((json) => this.schema.markFromJSON(json))
    return textNode(node.text ?? '', mark.addToSet(set)) ?? node
  }

  private inline(tokens: Token[]): JSONContent[] {
    const { marks } = this.schema
    const out: JSONContent[] = []
    let active: readonly Mark[] = []
    /** Link marks not kept (unsafe href), so that their closing token is ignored too. */
    let droppedLinks = 0
    const push = (node: JSONContent | undefined) => {
      if (node) out.push(node)
    }
    const add = (mark: Mark) => {
      active = mark.addToSet(active)
    }
    const remove = (name: string) => {
      const index = active.findLastIndex((mark) => mark.type.name === name)
      if (index >= 0) active = active.filter((_, i) => i !== index)
    }

    for (const token of tokens) {
      switch (token.type) {
        case 'text':
        case 'html_inline':
          push(textNode(token.content, active))
          break
        case 'code_inline':
          push(textNode(token.content, marks.code!.create().addToSet(active)))
          break
        case 'softbreak':
          push(textNode(' ', active))
          break
        case 'hardbreak':
          out.push({ type: 'hardBreak' })
          break
        case 'strong_open':
          add(marks.bold!.create())
          break
        case 'strong_close':
          remove('bold')
          break
        case 'em_open':
          add(marks.italic!.create())
          break
        case 'em_close':
          remove('italic')
          break
        case 's_open':
          add(marks.strike!.create())
          break
        case 's_close':
          remove('strike')
          break
        case 'link_open': {
          const href = token.attrGet('href') ?? ''
          if (SAFE_LINK.test(href)) add(marks.link!.create({ href }))
          else droppedLinks++
          break
        }
        case 'link_close':
          if (droppedLinks > 0) droppedLinks--
          else remove('link')
          break
        case 'image':
          // No image node in the schema: keep what the image says, not what it loads.
          push(textNode(token.children?.map((child) => child.content).join('') ?? '', active))
          break
        default:
          push(textNode(token.content, active))
      }
    }
    return mergeText(out)
  }
}

/** Joins neighbouring text nodes with the same marks, as ProseMirror itself would. */
export function mergeText(nodes: JSONContent[]): JSONContent[] {
  const merged: JSONContent[] = []
  for (const node of nodes) {
    const last = merged.at(-1)
    if (
      last?.type === 'text' &&
      node.type === 'text' &&
      JSON.stringify(last.marks ?? []) === JSON.stringify(node.marks ?? [])
    ) {
      merged[merged.length - 1] = { ...last, text: `${last.text ?? ''}${node.text ?? ''}` }
    } else {
      merged.push(node)
    }
  }
  return merged
}

function compact(nodes: (JSONContent | undefined)[]): JSONContent[] {
  return nodes.filter((node): node is JSONContent => node !== undefined)
}

// ---------------------------------------------------------------------------------------------
// Plain text

const BULLET = /^\s*[-*•]\s+(.*)$/

function textBlocks(source: string): JSONContent[] {
  const blocks: JSONContent[] = []
  let paragraphLine: string | undefined
  let items: string[] | undefined

  const flushParagraph = () => {
    if (paragraphLine !== undefined) blocks.push(paragraph(compact([textNode(paragraphLine)])))
    paragraphLine = undefined
  }
  const flushList = () => {
    if (items && items.length > 0) {
      blocks.push({
        type: 'bulletList',
        content: items.map((item) => ({
          type: 'listItem',
          content: [paragraph(compact([textNode(item)]))],
        })),
      })
    }
    items = undefined
  }

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd()
    if (line.trim() === '') {
      flushParagraph()
      flushList()
      continue
    }
    const bullet = BULLET.exec(line)
    if (bullet) {
      flushParagraph()
      items ??= []
      items.push(bullet[1]!.trim())
      continue
    }
    const text = line.trim()
    if (items && /^\s/.test(line)) {
      // An indented line under a bullet continues that item.
      items[items.length - 1] = `${items.at(-1)} ${text}`.trim()
      continue
    }
    flushList()
    if (paragraphLine !== undefined && /^(?:\p{Ll}|\()/u.test(text)) {
      paragraphLine = `${paragraphLine} ${text}`
    } else {
      flushParagraph()
      paragraphLine = text
    }
  }
  flushParagraph()
  flushList()
  return blocks
}
