import { minutesSchema } from '@accord/minutes'
import { mergeText } from '@accord/minutes/import'
import type { ChildNode as HtmlNode, Element } from 'domhandler'
import { DomUtils, parseDocument } from 'htmlparser2'

/**
 * Turns HTML, as mammoth writes it for a .docx, into a minutes document (ProseMirror JSON of a
 * `doc` in the minutes schema), without a DOM. It reads the small vocabulary mammoth emits –
 * headings, paragraphs, lists, tables, bold, italic, strikethrough, underline, links, line
 * breaks, images – and keeps the text of anything else. The rules match `importMinutes`: a
 * table row becomes one paragraph of its non-empty cells joined by " – " (header rows in bold),
 * an image becomes its alt text, and only http(s) and mailto links keep their link. Scripts and
 * styles are dropped whole; nothing in the HTML is ever run or loaded.
 */
export function htmlToMinutes(html: string): MinutesJson {
  const document = parseDocument(html)
  const content = new HtmlConverter().blocks(document.children)
  return { type: 'doc', content: content.length > 0 ? content : [paragraph([])] }
}

/** ProseMirror JSON, as `importMinutes` returns it (Tiptap's JSONContent). */
export interface MinutesJson {
  type?: string
  attrs?: Record<string, unknown>
  content?: MinutesJson[]
  marks?: { type: string; attrs?: Record<string, unknown> }[]
  text?: string
}

type Schema = ReturnType<typeof minutesSchema>
type Mark = ReturnType<Schema['mark']>

const SAFE_LINK = /^(?:https?:|mailto:)/i
const HEADING = /^h([1-6])$/
const IGNORED = new Set(['script', 'style', 'template', 'head', 'title'])
const BLOCKS = new Set([
  ...['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'table', 'blockquote', 'pre'],
  ...['hr', 'div', 'section', 'article', 'header', 'footer', 'body', 'html', 'dl', 'dt', 'dd'],
  ...['thead', 'tbody', 'tfoot', 'tr', 'th', 'td'],
])

function paragraph(content: MinutesJson[]): MinutesJson {
  return content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }
}

class HtmlConverter {
  private readonly schema = minutesSchema()

  /** Block content: runs of loose inline nodes between blocks become paragraphs. */
  blocks(nodes: HtmlNode[]): MinutesJson[] {
    const out: MinutesJson[] = []
    let run: HtmlNode[] = []
    const flush = () => {
      const inline = this.inline(run)
      if (inline.length > 0) out.push(paragraph(inline))
      run = []
    }
    for (const node of nodes) {
      if (DomUtils.isTag(node) && BLOCKS.has(node.name)) {
        flush()
        out.push(...this.block(node))
      } else {
        run.push(node)
      }
    }
    flush()
    return out
  }

  private block(element: Element): MinutesJson[] {
    const heading = HEADING.exec(element.name)
    if (heading) {
      return [
        {
          type: 'heading',
          attrs: { level: Number(heading[1]) },
          content: this.inline(element.children),
        },
      ]
    }
    switch (element.name) {
      case 'p':
        return [paragraph(this.inline(element.children))]
      case 'ul':
        return this.list({ type: 'bulletList' }, element.children)
      case 'ol': {
        const start = Number.parseInt(element.attribs.start ?? '1', 10)
        return this.list(
          { type: 'orderedList', attrs: { start: Number.isFinite(start) ? start : 1 } },
          element.children,
        )
      }
      case 'li':
        // A list item outside a list: keep its content.
        return this.blocks(element.children)
      case 'blockquote': {
        const content = this.blocks(element.children)
        return [{ type: 'blockquote', content: content.length > 0 ? content : [paragraph([])] }]
      }
      case 'pre': {
        const text = DomUtils.textContent(element).replace(/\n$/, '')
        return [
          {
            type: 'codeBlock',
            attrs: { language: null },
            ...(text ? { content: [{ type: 'text', text }] } : {}),
          },
        ]
      }
      case 'hr':
        return [{ type: 'horizontalRule' }]
      case 'table':
        return this.table(element)
      default:
        return this.blocks(element.children)
    }
  }

  private list(list: MinutesJson, children: HtmlNode[]): MinutesJson[] {
    const items = children.filter(DomUtils.isTag).map((child): MinutesJson => {
      const content = this.blocks(child.name === 'li' ? child.children : [child])
      // A list item starts with a paragraph, as the schema requires.
      if (content[0]?.type !== 'paragraph') content.unshift(paragraph([]))
      return { type: 'listItem', content }
    })
    return items.length > 0 ? [{ ...list, content: items }] : []
  }

  private table(table: Element): MinutesJson[] {
    const bold = this.schema.marks.bold!.create()
    return tableRows(table).map(({ row, header }) => {
      const marks = header ? [bold] : []
      const content: MinutesJson[] = []
      for (const cell of row.children.filter(DomUtils.isTag)) {
        if (cell.name !== 'td' && cell.name !== 'th') continue
        const inline = this.cellInline(cell, marks)
        if (inline.length === 0) continue
        if (content.length > 0) content.push(textNode(' – ', marks))
        content.push(...inline)
      }
      return paragraph(mergeText(content))
    })
  }

  /** A table cell's paragraphs (and lists) on one line, separated by spaces. */
  private cellInline(cell: HtmlNode, marks: readonly Mark[]): MinutesJson[] {
    const lines = this.lines(DomUtils.hasChildren(cell) ? cell.children : [], marks)
    return lines.flatMap((line, index) => (index === 0 ? line : [textNode(' ', marks), ...line]))
  }

  /** The non-empty lines of text in some nodes: one per block, one per run of inline nodes. */
  private lines(nodes: HtmlNode[], marks: readonly Mark[]): MinutesJson[][] {
    const lines: MinutesJson[][] = []
    let run: HtmlNode[] = []
    const flush = () => {
      lines.push(this.inline(run, marks))
      run = []
    }
    for (const node of nodes) {
      if (!DomUtils.isTag(node) || !BLOCKS.has(node.name)) {
        run.push(node)
        continue
      }
      flush()
      lines.push(...this.lines(node.children, marks))
    }
    flush()
    return lines.filter((line) => line.length > 0)
  }

  /** Inline content with whitespace collapsed as a browser would, and trimmed at the ends. */
  inline(nodes: HtmlNode[], marks: readonly Mark[] = []): MinutesJson[] {
    const out: MinutesJson[] = []
    this.collectInline(nodes, marks, out)
    trimEnds(out)
    return mergeText(out.filter((node) => node.type !== 'text' || node.text !== ''))
  }

  private collectInline(nodes: HtmlNode[], active: readonly Mark[], out: MinutesJson[]): void {
    const { marks } = this.schema
    for (const node of nodes) {
      if (DomUtils.isText(node)) {
        const text = node.data.replace(/\s+/g, ' ')
        const previous = out.at(-1)
        // Collapse a space that follows another, across element boundaries.
        const collapsed =
          text.startsWith(' ') && (!previous || endsWithSpace(previous)) ? text.slice(1) : text
        if (collapsed) out.push(textNode(collapsed, active))
        continue
      }
      if (!DomUtils.isTag(node) || IGNORED.has(node.name)) continue
      const within = (mark: Mark | undefined) =>
        this.collectInline(node.children, mark ? mark.addToSet(active) : active, out)
      switch (node.name) {
        case 'br':
          out.push({ type: 'hardBreak' })
          break
        case 'img': {
          const alt = node.attribs.alt?.trim()
          if (alt) out.push(textNode(alt, active))
          break
        }
        case 'strong':
        case 'b':
          within(marks.bold?.create())
          break
        case 'em':
        case 'i':
          within(marks.italic?.create())
          break
        case 's':
        case 'del':
        case 'strike':
          within(marks.strike?.create())
          break
        case 'u':
          within(marks.underline?.create())
          break
        case 'code':
          within(marks.code?.create())
          break
        case 'a': {
          const href = node.attribs.href ?? ''
          within(SAFE_LINK.test(href) ? marks.link?.create({ href }) : undefined)
          break
        }
        default:
          // span, sup, sub, and block elements met inside a line: their text, on this line.
          within(undefined)
      }
    }
  }
}

/** A table's own rows (not those of tables inside its cells), and whether each is a header. */
function tableRows(table: Element): { row: Element; header: boolean }[] {
  return table.children.filter(DomUtils.isTag).flatMap((child) => {
    if (child.name === 'tr') return [{ row: child, header: isHeaderRow(child, false) }]
    if (child.name !== 'thead' && child.name !== 'tbody' && child.name !== 'tfoot') return []
    return child.children
      .filter(DomUtils.isTag)
      .filter((row) => row.name === 'tr')
      .map((row) => ({ row, header: isHeaderRow(row, child.name === 'thead') }))
  })
}

function isHeaderRow(row: Element, inHead: boolean): boolean {
  const cells = row.children.filter(DomUtils.isTag)
  return inHead || (cells.length > 0 && cells.every((cell) => cell.name === 'th'))
}

function textNode(text: string, marks: readonly Mark[]): MinutesJson {
  return marks.length > 0
    ? { type: 'text', text, marks: marks.map((mark) => mark.toJSON() as { type: string }) }
    : { type: 'text', text }
}

function endsWithSpace(node: MinutesJson): boolean {
  return node.type === 'hardBreak' || (node.type === 'text' && (node.text ?? '').endsWith(' '))
}

function trimEnds(nodes: MinutesJson[]): void {
  const first = nodes[0]
  if (first?.type === 'text') first.text = (first.text ?? '').trimStart()
  const last = nodes.at(-1)
  if (last?.type === 'text') last.text = (last.text ?? '').trimEnd()
}
