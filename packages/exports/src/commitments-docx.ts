// An organisation's commitments as a Word report: a heading, the date, and one table row per
// action, for organisations that circulate Word documents to their boards.
import { ExternalHyperlink, HeadingLevel, Paragraph, TextRun } from 'docx'
import {
  linkOf,
  ownersLabel,
  statusLabel,
  type CommitmentRow,
  type Commitments,
} from './commitments.ts'
import { formatDay } from './dates.ts'
import { headerCells, packDocx, simpleTable, textRuns } from './docx-parts.ts'
import { markProposed } from './proposed.ts'

const OVERDUE_RED = 'B00020'

export async function commitmentsDocx(
  commitments: Commitments,
  options: { origin?: string } = {},
): Promise<Uint8Array> {
  const { organisation, coalition, generatedOn, rows } = commitments
  const title = `${organisation.name} – commitments to ${coalition.name}`
  const body = rows.map((row) => {
    const due = dueCell(row)
    const meeting = `${row.heldIn.title}, ${formatDay(row.heldIn.date)}`
    return [
      [new Paragraph({ children: textRuns(row.text) })],
      [new Paragraph(markProposed(ownersLabel(commitments, row), row.ownersProposed))],
      [
        new Paragraph({
          children: [
            new TextRun(due),
            ...(row.overdue
              ? [new TextRun({ text: 'overdue', bold: true, color: OVERDUE_RED, break: 1 })]
              : []),
          ],
        }),
      ],
      [new Paragraph(statusLabel(row.status))],
      [
        new Paragraph({
          children: options.origin
            ? [
                new ExternalHyperlink({
                  link: linkOf(row, options.origin),
                  children: [new TextRun({ text: meeting, style: 'Hyperlink' })],
                }),
              ]
            : [new TextRun(meeting)],
        }),
      ],
    ]
  })
  const table = simpleTable(
    [headerCells(['Action', 'Owners', 'Due', 'Status', 'Meeting']), ...body],
    1,
  )
  return packDocx({
    title,
    creator: 'Accord',
    sections: [
      {
        children: [
          new Paragraph({ text: title, heading: HeadingLevel.TITLE }),
          new Paragraph(`Generated on ${formatDay(generatedOn)}.`),
          rows.length > 0 ? table : new Paragraph('No commitments yet.'),
        ],
      },
    ],
  })
}

/** "7 Mar 2025", or the words when they name no date; "(proposed)" when read from the words. */
function dueCell(row: CommitmentRow): string {
  const due = row.due ? formatDay(row.due) : row.dueText
  return due === null ? 'no date' : markProposed(due, row.dueProposed)
}
