import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { commitmentsOf, linkOf, ownersLabel, statusLabel } from './commitments.ts'
import { COMMITMENTS_CSV_HEADER, commitmentsCsv, defuseFormula } from './commitments-csv.ts'
import { ledgerFixture, TODAY } from './testing/ledger-fixture.ts'
import { readCsvRecords } from './testing/read-csv.ts'

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

  /** The record of the action whose text starts so, by column name. */
  const byAction = (start: string): Record<string, string> => {
    const [header, ...records] = parse(csv)
    const record = records.find((cells) => cells[0]!.startsWith(start))
    if (!record) throw new Error(`no action starting "${start}"`)
    return Object.fromEntries(header!.map((column, i) => [column, record[i]!]))
  }

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
          row.dueProposed ? 'yes' : 'no',
          row.overdue ? 'yes' : 'no',
          ownersLabel(alc, row),
          row.ownersProposed ? 'yes' : 'no',
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
    const funding = byAction('Draft a funding bid')
    expect(funding['Source']).toBe(
      'ALC will draft a funding bid,\n"with a timeline", before the new year.',
    )
    expect(funding['Held in']).toBe('Steering group, November')
    expect(byAction('Circulate the draft')['Held in']).toBe('Planning day in Ōtautahi')
  })

  it('flags owners and dates read from the words in columns beside them, the date left a date', () => {
    const pick = (record: Record<string, string>) =>
      ['Due', 'Due proposed', 'Owners', 'Owners proposed', 'Assignee'].map(
        (column) => record[column],
      )
    // Owners (and the assignee read with them) from the words; the date set on the node.
    expect(pick(byAction('Circulate the draft'))).toEqual([
      '2026-11-20',
      'no',
      'ALC, CN',
      'yes',
      'Aroha Ngata',
    ])
    expect(pick(byAction("'@mention the council"))).toEqual(['2026-12-10', 'yes', 'ALC', 'no', ''])
    expect(pick(byAction("'=SUM(A1)"))).toEqual(['2026-12-12', 'no', 'ALC', 'no', ''])
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    const actions = parse(csv).map((record) => record[0])
    expect(actions).toContain("'=SUM(A1) the budget lines")
    expect(actions).toContain("'@mention the council on socials")
    const tuc = parse(commitmentsCsv(commitmentsOf(ledgerFixture(), 'tuc', TODAY)))
    expect(tuc.map((record) => record[0])).toContain("'+64 hotline for the petition")
    expect(['-1', '\tx', 'ok'].map(defuseFormula)).toEqual(["'-1", "'\tx", 'ok'])
  })

  it('keeps a cell with a bare carriage return one cell, and defuses formulas after each line break', () => {
    const ledger = ledgerFixture()
    const [first] = ledger.actions
    ledger.actions = [
      { ...first!, key: 'a-cr', text: "Book the room\r=cmd|' /C calc'!A0" },
      { ...first!, key: 'a-lf', text: 'Agenda:\n@SUM(1+1)\r\n+1 more' },
    ]
    const csv = commitmentsCsv(commitmentsOf(ledger, 'alc', TODAY))
    const records = readCsvRecords(csv.replace(/^\uFEFF/, ''))
    expect(records).toHaveLength(3)
    expect(records.map((record) => record.length)).toEqual([13, 13, 13])
    expect(records[1]![0]).toBe("Book the room\r'=cmd|' /C calc'!A0")
    expect(records[2]![0]).toBe("Agenda:\n'@SUM(1+1)\r\n'+1 more")
    // Whatever a reader takes for a line, none starts with a formula.
    expect(csv.split(/\r\n|\r|\n/).filter((line) => /^[=+\-@\t]/.test(line))).toEqual([])
  })
})
