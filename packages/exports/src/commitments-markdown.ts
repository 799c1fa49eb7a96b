// An organisation's commitments as a Markdown report, for pasting into an email or a wiki.
import { linkOf, rowsIn, sharedWith, type CommitmentRow, type Commitments } from './commitments.ts'
import { formatDay } from './dates.ts'
import { escapeMarkdown, markdownHref } from './markdown-text.ts'

const SECTIONS = [
  ['Open', 'outstanding'],
  ['Done', 'done'],
  ['Dropped', 'dropped'],
] as const

export function commitmentsMarkdown(commitments: Commitments, options: { origin?: string } = {}) {
  const { organisation, coalition, generatedOn } = commitments
  const lines = [
    `# ${escapeMarkdown(`${organisation.name} – commitments to ${coalition.name}`)}`,
    '',
    `Generated on ${formatDay(generatedOn)}.`,
  ]
  for (const [title, group] of SECTIONS) {
    const rows = rowsIn(commitments, group)
    lines.push('', `## ${title} (${rows.length})`, '')
    if (rows.length === 0) lines.push('_None._')
    for (const row of rows) lines.push(...rowLines(row, options.origin))
  }
  return `${lines.join('\n')}\n`
}

/** One bullet; the lines after the first end in "\" so they stay hard line breaks. */
function rowLines(row: CommitmentRow, origin?: string): string[] {
  const headline = [`**${escapeMarkdown(row.text)}**`, dueLabel(row)]
  if (row.overdue) headline.push('**overdue**')
  if (row.status === 'in_progress') headline.push('in progress')
  // Co-owners are names people typed (unknown owners keep their words), so they are escaped too.
  const details = [
    escapeMarkdown(sharedWith(row)),
    row.assignee && `assigned to ${escapeMarkdown(row.assignee)}`,
  ]
    .filter(Boolean)
    .join(' · ')
  const meeting = `${escapeMarkdown(row.heldIn.title)}, ${formatDay(row.heldIn.date)}`
  const minuted = [
    `Minuted in [${meeting}](${markdownHref(linkOf(row, origin))})`,
    row.raisedIn.id !== row.heldIn.id &&
      `raised in ${escapeMarkdown(row.raisedIn.title)}, ${formatDay(row.raisedIn.date)}`,
  ]
    .filter(Boolean)
    .join('; ')
  const body = [headline.join(' · '), details, minuted].filter(Boolean)
  const lines = body.map(
    (line, i) => `${i === 0 ? '- ' : '  '}${line}${i < body.length - 1 ? ' \\' : ''}`,
  )
  if (row.sourceText.trim() !== '') lines.push(`  > ${escapeMarkdown(row.sourceText)}`)
  return lines
}

function dueLabel(row: CommitmentRow): string {
  if (row.due) return `due ${formatDay(row.due)}`
  return row.dueText ? `due “${escapeMarkdown(row.dueText)}” (no date)` : 'no date'
}
