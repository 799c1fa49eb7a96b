// An organisation's commitments as a Markdown report, for pasting into an email or a wiki.
import {
  linkOf,
  ownersLabel,
  rowsIn,
  sharedWith,
  type CommitmentRow,
  type Commitments,
} from './commitments.ts'
import { formatDay } from './dates.ts'
import { escapeMarkdown, markdownHref } from './markdown-text.ts'
import { markProposed, proposed } from './proposed.ts'

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
    for (const row of rows) lines.push(...rowLines(commitments, row, options.origin))
  }
  return `${lines.join('\n')}\n`
}

/** One bullet; the lines after the first end in "\" so they stay hard line breaks. */
function rowLines(commitments: Commitments, row: CommitmentRow, origin?: string): string[] {
  const headline = [`**${escapeMarkdown(row.text)}**`, dueLabel(row)]
  if (row.overdue) headline.push('**overdue**')
  if (row.status === 'in_progress') headline.push('in progress')
  // Co-owners are names people typed (unknown owners keep their words), so they are escaped too.
  const details = [
    escapeMarkdown(ownersDetail(commitments, row)),
    row.assignee && markProposed(`assigned to ${escapeMarkdown(row.assignee)}`, row.ownersProposed),
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

/**
 * Who else owes it ("also CN"); when the owners were only read from the words, every owner,
 * this organisation too, since even its own part is a proposal: "owned by ALC, CN (proposed)".
 */
function ownersDetail(commitments: Commitments, row: CommitmentRow): string {
  if (!row.ownersProposed) return sharedWith(row)
  const owners = row.sharedWithAll ? 'all organisations' : ownersLabel(commitments, row)
  return proposed(`owned by ${owners}`)
}

function dueLabel(row: CommitmentRow): string {
  if (row.due) return markProposed(`due ${formatDay(row.due)}`, row.dueProposed)
  if (!row.dueText) return 'no date'
  // One parenthesis, not "(no date) (proposed)".
  const words = `due “${escapeMarkdown(row.dueText)}”`
  return row.dueProposed ? `${words} (proposed, no date)` : `${words} (no date)`
}
