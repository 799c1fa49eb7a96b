import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { commitmentsOf, linkOf, ownersLabel, statusLabel } from './commitments.ts'
import { COMMITMENTS_CSV_HEADER, commitmentsCsv, defuseFormula } from './commitments-csv.ts'
import { ledgerFixture, TODAY } from './testing/ledger-fixture.ts'

const ORIGIN = 'https://accord.example.org'

function parse(csv: string): string[][] {
  const result = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), {
    newline: '\r\n',
    skipEmptyLines: true,
  })
  expect(result.errors).toEqual([])
  return result.data
}

describe('commitmentsCsv', () => {
  const alc = commitmentsOf(ledgerFixture(), 'alc', TODAY)
  const csv = commitmentsCsv(alc, { origin: ORIGIN })

  it('starts with a byte-order mark and ends records with CRLF', () => {
    expect(csv.startsWith('\uFEFFAction,Status,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    // The only bare LF is the one inside the quoted source sentence.
    expect(csv.match(/(?<!\r)\n/g)).toHaveLength(1)
  })

  it('reads back as the organisation’s rows', () => {
    const [header, ...records] = parse(csv)
    expect(header).toEqual([...COMMITMENTS_CSV_HEADER])
    expect(records).toEqual(
      alc.rows.map((row) =>
        [
          row.text,
          statusLabel(row.status),
          row.due ?? row.dueText ?? '',
          row.overdue ? 'yes' : 'no',
          ownersLabel(alc, row),
          row.assignee ?? '',
          row.raisedIn.title,
          row.raisedIn.date,
          row.heldIn.title,
          linkOf(row, ORIGIN),
          row.sourceText,
        ].map(defuseFormula),
      ),
    )
  })

  it('keeps commas, quotes, line breaks and macrons intact', () => {
    const funding = parse(csv).find((record) => record[0]!.startsWith('Draft a funding bid'))!
    expect(funding[10]).toBe(
      'ALC will draft a funding bid,\n"with a timeline", before the new year.',
    )
    expect(funding[8]).toBe('Steering group, November')
    expect(parse(csv)[1]![8]).toBe('Planning day in Ōtautahi')
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    const actions = parse(csv).map((record) => record[0])
    expect(actions).toContain("'=SUM(A1) the budget lines")
    expect(actions).toContain("'@mention the council on socials")
    const tuc = parse(commitmentsCsv(commitmentsOf(ledgerFixture(), 'tuc', TODAY)))
    expect(tuc.map((record) => record[0])).toContain("'+64 hotline for the petition")
    expect(['-1', '\tx', 'ok'].map(defuseFormula)).toEqual(["'-1", "'\tx", 'ok'])
  })
})
