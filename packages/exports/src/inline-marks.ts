/**
 * Writing a run of inline nodes whose marks open and close as text formats need: a mark shared
 * by neighbouring nodes stays open across them (one link, not three), and inner marks close
 * before outer ones, so the output nests. The same walk as prosemirror-markdown's serializer,
 * cut down to the marks minutes have.
 */
import type { JSONContent } from '@tiptap/core'
import { safeHref } from './links.ts'

export interface Mark {
  type: 'link' | 'bold' | 'italic' | 'strike' | 'underline'
  /** Links only: an http(s) or mailto address. */
  href?: string
}

/** Outermost first: a link around emphasis reads better than emphasis split around a link. */
const ORDER: Mark['type'][] = ['link', 'bold', 'italic', 'strike', 'underline']

/** The node's marks this package renders, outermost first; `code` is the writer's to handle. */
export function marksOf(node: JSONContent): Mark[] {
  const marks: Mark[] = []
  for (const mark of node.marks ?? []) {
    const type = ORDER.find((candidate) => candidate === mark.type)
    if (type === 'link') {
      // An unsafe link is dropped to its text.
      const href = safeHref(mark.attrs?.href)
      if (href) marks.push({ type, href })
    } else if (type) marks.push({ type })
  }
  return marks.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type))
}

export const hasCode = (node: JSONContent) => node.marks?.some((mark) => mark.type === 'code')

const sameMark = (a: Mark, b: Mark) => a.type === b.type && a.href === b.href

export interface InlineWriter {
  /** Which marks the format shows, from `marksOf`. */
  marks(node: JSONContent): Mark[]
  open(mark: Mark): string
  close(mark: Mark): string
  /** The node itself, escaped for the format. `atLineStart` when nothing precedes it. */
  leaf(node: JSONContent, atLineStart: boolean): string
}

export function writeInline(nodes: JSONContent[], writer: InlineWriter): string {
  let out = ''
  let open: Mark[] = []
  for (const node of nodes) {
    const text = writer.leaf(node, out === '' || out.endsWith('\n'))
    // Whitespace alone changes no marks: "**a** **b**" stays one bold run, "**a b**".
    const marks = text.trim() === '' && node.type === 'text' ? open : writer.marks(node)
    let keep = 0
    while (keep < open.length && keep < marks.length && sameMark(open[keep]!, marks[keep]!)) keep++
    if (keep < open.length) {
      // Markdown only closes emphasis after a non-space: move trailing spaces past the closers.
      const space = /[ \t]*$/.exec(out)![0]
      out = out.slice(0, out.length - space.length)
      for (const mark of open.slice(keep).reverse()) out += writer.close(mark)
      out += space
    }
    // ...and only opens it before one.
    const lead = keep < marks.length ? /^[ \t]*/.exec(text)![0] : ''
    out += lead
    for (const mark of marks.slice(keep)) out += writer.open(mark)
    out += text.slice(lead.length)
    open = marks
  }
  for (const mark of [...open].reverse()) out += writer.close(mark)
  return out
}
