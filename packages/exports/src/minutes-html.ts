/**
 * A meeting's minutes as one self-contained, print-ready HTML page: styles inline, no scripts,
 * nothing fetched (a Content-Security-Policy says so too), so it can be saved, emailed, or
 * printed to PDF from any browser. All user text is escaped; links are kept only when they are
 * http(s) or mailto.
 */
import type { JSONContent } from '@tiptap/core'
import { formatDay } from './dates.ts'
import { escapeHtml } from './html-text.ts'
import { hasCode, marksOf, writeInline, type InlineWriter, type Mark } from './inline-marks.ts'
import {
  actionDetails,
  askDetails,
  headingLevel,
  minutesState,
  plainText,
  tableRows,
  type MinutesExportInput,
} from './minutes-input.ts'
import { MINUTES_STYLE } from './minutes-html-style.ts'

export function minutesHtml(input: MinutesExportInput): string {
  const { meeting } = input
  const approved = meeting.status === 'approved'
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(`${meeting.title} – ${input.coalition}`)}</title>
<style>${MINUTES_STYLE}</style>
</head>
<body>
<header>
<p class="coalition">${escapeHtml(input.coalition)}</p>
<h1>${escapeHtml(meeting.title)}</h1>
<p class="meta"><time datetime="${escapeHtml(meeting.date)}">${escapeHtml(formatDay(meeting.date))}</time> · <span class="state ${approved ? 'approved' : 'draft'}">${escapeHtml(minutesState(input))}</span></p>
</header>
<main>
${blocks(input.minutes.content ?? [], input)}
</main>
</body>
</html>
`
}

function blocks(nodes: JSONContent[], input: MinutesExportInput): string {
  return nodes.map((node) => block(node, input)).join('\n')
}

function block(node: JSONContent, input: MinutesExportInput): string {
  const text = () => inline(node.content ?? [], input)
  const children = () => blocks(node.content ?? [], input)
  switch (node.type) {
    case 'paragraph':
      return `<p>${text()}</p>`
    case 'heading': {
      // The meeting title is the page's h1; the minutes' headings sit below it.
      const tag = `h${Math.min(6, headingLevel(node) + 1)}`
      return `<${tag}>${text()}</${tag}>`
    }
    case 'bulletList':
      return `<ul>\n${children()}\n</ul>`
    case 'orderedList': {
      const start = typeof node.attrs?.start === 'number' ? node.attrs.start : 1
      return `<ol${start === 1 ? '' : ` start="${start}"`}>\n${children()}\n</ol>`
    }
    case 'listItem':
      return `<li>${children()}</li>`
    case 'blockquote':
      return `<blockquote>\n${children()}\n</blockquote>`
    case 'codeBlock':
      return `<pre><code>${escapeHtml(plainText(node, input))}</code></pre>`
    case 'horizontalRule':
      return '<hr>'
    case 'actionItem':
      return labelled('action', 'Action', escapeHtml(actionDetails(node, input)), text())
    case 'ask': {
      const { target, details } = askDetails(node, input)
      const label = target ? `Ask of ${escapeHtml(target)}` : 'Ask'
      return labelled('ask', label, escapeHtml(details), text())
    }
    case 'decision':
      return labelled('decision', 'Decision', '', text())
    case 'table':
      return table(node, input)
    default:
      return node.content?.some((child) => child.content !== undefined)
        ? children()
        : `<p>${text()}</p>`
  }
}

/** A structured item: a box with its kind in bold, its details, then its text. */
function labelled(kind: string, label: string, details: string, text: string): string {
  const about = details ? ` <span class="details">(${details})</span>` : ''
  return `<div class="item ${kind}"><strong>${label}</strong>${about}: ${text}</div>`
}

function table(node: JSONContent, input: MinutesExportInput): string {
  const rows = tableRows(node).cells.map((row) => {
    const cells = row.map((cell) => {
      const tag = cell.type === 'tableHeader' ? 'th' : 'td'
      return `<${tag}>${blocks(cell.content ?? [], input)}</${tag}>`
    })
    return `<tr>${cells.join('')}</tr>`
  })
  return `<table>\n${rows.join('\n')}\n</table>`
}

const TAGS: Record<Exclude<Mark['type'], 'link'>, string> = {
  bold: 'strong',
  italic: 'em',
  strike: 's',
  underline: 'u',
}

const htmlWriter = (input: MinutesExportInput): InlineWriter => ({
  marks: marksOf,
  open: (mark) =>
    mark.type === 'link' ? `<a href="${escapeHtml(mark.href ?? '')}">` : `<${TAGS[mark.type]}>`,
  close: (mark) => (mark.type === 'link' ? '</a>' : `</${TAGS[mark.type]}>`),
  leaf(node) {
    if (node.type === 'hardBreak') return '<br>'
    const text = escapeHtml(plainText(node, input))
    return node.type === 'text' && hasCode(node) ? `<code>${text}</code>` : text
  },
})

function inline(nodes: JSONContent[], input: MinutesExportInput): string {
  return writeInline(nodes, htmlWriter(input))
}
