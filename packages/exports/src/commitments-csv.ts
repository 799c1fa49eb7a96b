/**
 * An organisation's commitments as CSV for a spreadsheet: RFC 4180 quoting, CRLF line ends, and
 * UTF-8 with a byte-order mark, without which Excel reads "Ōtautahi" as mojibake.
 *
 * Owners and dates read from an action's words are flagged in columns of their own, beside the
 * values, rather than by "(proposed)" in the cell as the other formats do: a Due cell must stay a
 * bare date for the spreadsheet to sort and filter it as one, and a yes/no column filters too.
 */
import { stringify } from 'csv-stringify/sync'
import { linkOf, ownersLabel, statusLabel, type Commitments } from './commitments.ts'

export const COMMITMENTS_CSV_HEADER = [
  'Action',
  'Status',
  'Due',
  'Due proposed',
  'Overdue',
  'Owners',
  // The assignee is read with the owners, so this flags both.
  'Owners proposed',
  'Assignee',
  'Raised in',
  'Raised on',
  'Held in',
  'Link',
  'Source',
] as const

export function commitmentsCsv(commitments: Commitments, options: { origin?: string } = {}) {
  const records = commitments.rows.map((row) => [
    row.text,
    statusLabel(row.status),
    // A date sorts as a date in the spreadsheet; the words as written only when there is none.
    row.due ?? row.dueText ?? '',
    yesNo(row.dueProposed),
    yesNo(row.overdue),
    ownersLabel(commitments, row),
    yesNo(row.ownersProposed),
    row.assignee ?? '',
    row.raisedIn.title,
    row.raisedIn.date,
    row.heldIn.title,
    linkOf(row, options.origin),
    row.sourceText,
  ])
  return stringify(
    [[...COMMITMENTS_CSV_HEADER], ...records.map((cells) => cells.map(defuseFormula))],
    {
      bom: true,
      record_delimiter: 'windows',
      // csv-stringify quotes a cell holding the record delimiter (CRLF), not one holding a bare
      // CR or LF, which Python's csv, LibreOffice and others take for the end of a record.
      quoted_match: /[\r\n]/,
    },
  )
}

const yesNo = (flag: boolean) => (flag ? 'yes' : 'no')

/**
 * A spreadsheet runs a cell that starts with = + - @ (or a tab or CR before one) as a formula,
 * and minutes text is anyone's to write. A leading apostrophe makes it text (OWASP's advice).
 * Every line of a cell gets it: a reader that splits records at a line break a cell holds would
 * otherwise start a record with the formula.
 */
export function defuseFormula(cell: string): string {
  return cell.replace(FORMULA_LINE_START, "$1'")
}

/** The start of the cell or of a line in it, followed by what would start a formula. */
const FORMULA_LINE_START = /(^|\r\n|\r|\n)(?=[=+\-@\t\r])/g
