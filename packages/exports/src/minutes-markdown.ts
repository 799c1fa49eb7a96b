// A meeting's minutes as Markdown (CommonMark plus GFM tables and strikethrough).
import type { JSONContent } from '@tiptap/core'
import { formatDay } from './dates.ts'
import { hasCode, marksOf, writeInline, type InlineWriter, type Mark } from './inline-marks.ts'
import {
  escapeLineStart,
  escapeMarkdown,
  escapeMarkdownInline,
  markdownCode,
  markdownHref,
  oneLine,
} from './markdown-text.ts'
import {
  actionDetails,
  askDetails,
  headingLevel,
  minutesState,
  plainText,
  tableRows,
  type MinutesExportInput,
} from './minutes-input.ts'

export function minutesMarkdown(input: MinutesExportInput): string {
  const { meeting } = input
  const head = [
    `# ${escapeMarkdown(meeting.title)}`,
    '',
    `${escapeMarkdown(input.coalition)} · ${formatDay(meeting.date)} · ${minutesState(input)}`,
  ]
  const body = blocks(input.minutes.content ?? [], input)
  return `${[...head, ...(body ? ['', body] : [])].join('\n')}\n`
}

function blocks(nodes: JSONContent[], input: MinutesExportInput): string {
  return nodes
    .map((node) => block(node, input))
    .filter((text) => text !== '')
    .join('\n\n')
}

function block(node: JSONContent, input: MinutesExportInput): string {
  const text = () => inline(node.content ?? [], input)
  switch (node.type) {
    case 'paragraph':
      return text()
    case 'heading':
      // The meeting title is the one level-1 heading; the minutes' own headings sit below it.
      return `${'#'.repeat(Math.min(6, headingLevel(node) + 1))} ${text()}`
    case 'bulletList':
      return (node.content ?? []).map((item) => listItem(item, '- ', input)).join('\n')
    case 'orderedList': {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1
      return (node.content ?? [])
        .map((item, i) => listItem(item, `${start + i}. `, input))
        .join('\n')
    }
    case 'blockquote':
      return blocks(node.content ?? [], input)
        .split('\n')
        .map((line) => (line ? `> ${line}` : '>'))
        .join('\n')
    case 'codeBlock':
      return codeBlock(node, input)
    case 'horizontalRule':
      return '---'
    case 'actionItem':
      return `- **Action** (${escapeMarkdownInline(actionDetails(node, input))}): ${text()}`
    case 'ask': {
      const { target, details } = askDetails(node, input)
      const of = target ? ` of ${escapeMarkdownInline(oneLine(target))}` : ''
      return `**Ask**${of} (${escapeMarkdownInline(details)}): ${text()}`
    }
    case 'decision':
      return `**Decision:** ${text()}`
    case 'table':
      return table(node, input)
    default:
      // Unknown: keep its blocks if it wraps blocks, else its text.
      return node.content?.some((child) => child.content !== undefined)
        ? blocks(node.content, input)
        : text()
  }
}

function listItem(item: JSONContent, marker: string, input: MinutesExportInput): string {
  const children = item.content ?? []
  const body = children
    .map((child, i) => {
      const gap = i === 0 ? '' : child.type?.endsWith('List') ? '\n' : '\n\n'
      return gap + block(child, input)
    })
    .join('')
  const pad = ' '.repeat(marker.length)
  return marker + body.replace(/\n(?!\n|$)/g, `\n${pad}`)
}

function codeBlock(node: JSONContent, input: MinutesExportInput): string {
  const code = plainText(node, input)
  const longest = Math.max(2, ...(code.match(/`+/g) ?? []).map((run) => run.length))
  const fence = '`'.repeat(longest + 1)
  const language = typeof node.attrs?.language === 'string' ? node.attrs.language : ''
  return `${fence}${language.replace(/[^\w+-]/g, '')}\n${code}\n${fence}`
}

/** A GFM table; its first row is the header whatever it holds, as GFM needs one. */
function table(node: JSONContent, input: MinutesExportInput): string {
  const { cells } = tableRows(node)
  if (cells.length === 0) return ''
  const width = Math.max(...cells.map((row) => row.length))
  const line = (row: JSONContent[]) =>
    `| ${Array.from({ length: width }, (_, i) => cellText(row[i], input)).join(' | ')} |`
  const [header, ...rest] = cells
  return [line(header!), `|${' --- |'.repeat(width)}`, ...rest.map(line)].join('\n')
}

function cellText(cell: JSONContent | undefined, input: MinutesExportInput): string {
  if (!cell) return ''
  // A cell holds paragraphs; a table row is one line, so they are joined with spaces.
  return (cell.content ?? [])
    .map((child) =>
      child.type === 'paragraph' || child.type === 'heading'
        ? inline(child.content ?? [], input).replace(/\\\n/g, ' ')
        : escapeMarkdownInline(oneLine(plainText(child, input))),
    )
    .join(' ')
}

function inline(nodes: JSONContent[], input: MinutesExportInput): string {
  return writeInline(nodes, markdownWriter(input))
}

function delimiters(mark: Mark): [string, string] {
  switch (mark.type) {
    case 'link':
      return ['[', `](${markdownHref(mark.href ?? '')})`]
    case 'bold':
      return ['**', '**']
    case 'italic':
      return ['*', '*']
    case 'strike':
      return ['~~', '~~']
    case 'underline':
      // Markdown has no underline.
      return ['', '']
  }
}

function markdownWriter(input: MinutesExportInput): InlineWriter {
  return {
    marks: marksOf,
    open: (mark) => delimiters(mark)[0],
    close: (mark) => delimiters(mark)[1],
    leaf(node, atLineStart) {
      if (node.type === 'hardBreak') return '\\\n'
      const raw = oneLine(plainText(node, input))
      if (node.type === 'text' && hasCode(node)) return markdownCode(raw)
      const text = escapeMarkdownInline(raw)
      return atLineStart ? escapeLineStart(text) : text
    },
  }
}
