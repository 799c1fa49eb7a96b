// A meeting's minutes as a Word document: headings, paragraphs, lists, quotes and tables as
// Word has them, with actions, asks and decisions labelled in bold so they stand out on paper.
import type { JSONContent } from '@tiptap/core'
import {
  ExternalHyperlink,
  HeadingLevel,
  Paragraph,
  Table,
  TextRun,
  type IParagraphOptions,
  type IRunOptions,
  type ParagraphChild,
} from 'docx'
import { formatDay } from './dates.ts'
import { NUMBERED_LIST, NUMBERING, packDocx, simpleTable, textRuns } from './docx-parts.ts'
import { hasCode, marksOf } from './inline-marks.ts'
import {
  actionDetails,
  askDetails,
  headingLevel,
  minutesState,
  plainText,
  tableRows,
  type MinutesExportInput,
} from './minutes-input.ts'

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
]
const MONOSPACE = 'Courier New'

export async function minutesDocx(input: MinutesExportInput): Promise<Uint8Array> {
  const { meeting } = input
  const writer = new DocxWriter(input)
  return packDocx({
    title: `${meeting.title} – ${input.coalition}`,
    creator: 'Accord',
    numbering: NUMBERING,
    sections: [
      {
        children: [
          new Paragraph(input.coalition),
          new Paragraph({ text: meeting.title, heading: HeadingLevel.TITLE }),
          new Paragraph({
            children: [
              new TextRun(`${formatDay(meeting.date)} · `),
              new TextRun({ text: minutesState(input), bold: true }),
            ],
          }),
          ...writer.blocks(input.minutes.content ?? [], {}),
        ],
      },
    ],
  })
}

/** Where a block sits: in a list (bullet or numbered, at a depth) or a quote. */
interface Context {
  list?: { numbered: boolean; level: number; instance: number }
  /** A list item's second or later paragraph: indented with it, without a bullet of its own. */
  continued?: boolean
  quoted?: boolean
}

const isList = (node: JSONContent) => node.type === 'bulletList' || node.type === 'orderedList'

class DocxWriter {
  /** Each numbered list is its own instance, so each counts from 1. */
  private lists = 0

  constructor(private readonly input: MinutesExportInput) {}

  blocks(nodes: JSONContent[], context: Context): (Paragraph | Table)[] {
    return nodes.flatMap((node) => this.block(node, context))
  }

  private block(node: JSONContent, context: Context): (Paragraph | Table)[] {
    const runs = () => this.inline(node.content ?? [])
    const paragraph = (children: ParagraphChild[], options: IParagraphOptions = {}) => [
      new Paragraph({ ...this.placement(context), ...options, children }),
    ]
    switch (node.type) {
      case 'paragraph':
        return paragraph(runs())
      case 'heading':
        return paragraph(runs(), { heading: HEADINGS[headingLevel(node) - 1]! })
      case 'bulletList':
      case 'orderedList': {
        const numbered = node.type === 'orderedList'
        const level = context.list ? Math.min(8, context.list.level + 1) : 0
        const instance = numbered ? ++this.lists : 0
        const list = { numbered, level, instance }
        return (node.content ?? []).flatMap((item) =>
          (item.content ?? []).flatMap((child, i) =>
            this.block(child, { ...context, list, continued: i > 0 && !isList(child) }),
          ),
        )
      }
      case 'blockquote':
        return this.blocks(node.content ?? [], { ...context, quoted: true })
      case 'codeBlock':
        return paragraph(textRuns(plainText(node, this.input), { font: MONOSPACE }))
      case 'horizontalRule':
        return paragraph([], { thematicBreak: true })
      case 'actionItem':
        return paragraph(this.labelled('Action', actionDetails(node, this.input), runs()))
      case 'ask': {
        const { target, details } = askDetails(node, this.input)
        return paragraph(this.labelled(target ? `Ask of ${target}` : 'Ask', details, runs()))
      }
      case 'decision':
        return paragraph(this.labelled('Decision', '', runs()))
      case 'table':
        return [this.table(node)]
      default:
        return node.content?.some((child) => child.content !== undefined)
          ? this.blocks(node.content, context)
          : paragraph(runs())
    }
  }

  /** List membership and quote indent for a paragraph. */
  private placement({ list, continued, quoted }: Context): IParagraphOptions {
    const left = (quoted ? 720 : 0) + (list && continued ? 720 * (list.level + 1) : 0)
    const indent = left > 0 ? { indent: { left } } : {}
    if (!list || continued) return indent
    return list.numbered
      ? {
          ...indent,
          numbering: { reference: NUMBERED_LIST, level: list.level, instance: list.instance },
        }
      : { ...indent, bullet: { level: list.level } }
  }

  private labelled(label: string, details: string, text: ParagraphChild[]): ParagraphChild[] {
    return [
      new TextRun({ text: label, bold: true }),
      ...(details ? [new TextRun({ text: ` (${details})`, italics: true })] : []),
      new TextRun(': '),
      ...text,
    ]
  }

  private table(node: JSONContent): Table {
    const { cells, header } = tableRows(node)
    const width = Math.max(1, ...cells.map((row) => row.length))
    const rows = cells.map((row) =>
      Array.from({ length: width }, (_, i) => this.blocks(row[i]?.content ?? [], {})),
    )
    return simpleTable(rows, header ? 1 : 0)
  }

  private inline(nodes: JSONContent[]): ParagraphChild[] {
    return nodes.map((node) => {
      if (node.type === 'hardBreak') return new TextRun({ text: '', break: 1 })
      const marks = marksOf(node)
      const options: IRunOptions = {
        text: plainText(node, this.input),
        bold: marks.some((mark) => mark.type === 'bold'),
        italics: marks.some((mark) => mark.type === 'italic'),
        strike: marks.some((mark) => mark.type === 'strike'),
        ...(marks.some((mark) => mark.type === 'underline') ? { underline: {} } : {}),
        ...(hasCode(node) ? { font: MONOSPACE } : {}),
      }
      const link = marks.find((mark) => mark.type === 'link')?.href
      return link
        ? new ExternalHyperlink({
            link,
            children: [new TextRun({ ...options, style: 'Hyperlink' })],
          })
        : new TextRun(options)
    })
  }
}
