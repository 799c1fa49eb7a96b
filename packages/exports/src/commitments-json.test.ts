import { describe, expect, it } from 'vitest'
import { commitmentsOf, linkOf } from './commitments.ts'
import { commitmentsDocumentSchema, commitmentsJson } from './commitments-json.ts'
import { ledgerFixture, TODAY } from './testing/ledger-fixture.ts'

describe('commitmentsJson', () => {
  const alc = commitmentsOf(ledgerFixture(), 'alc', TODAY)

  it('is a versioned document that fits its schema', () => {
    const document = commitmentsDocumentSchema.parse(JSON.parse(commitmentsJson(alc)))
    expect(document).toMatchObject({ format: 'accord.commitments', version: 1, generatedOn: TODAY })
    expect(document.rows).toEqual(alc.rows)
  })

  it('says which owners and dates were only read from the words', () => {
    const document = commitmentsDocumentSchema.parse(JSON.parse(commitmentsJson(alc)))
    const flags = document.rows.map(({ key, ownersProposed, dueProposed }) => ({
      key,
      ownersProposed,
      dueProposed,
    }))
    expect(flags.filter((row) => row.ownersProposed || row.dueProposed)).toEqual([
      { key: 'a-letter', ownersProposed: true, dueProposed: false },
      { key: 'a-socials', ownersProposed: false, dueProposed: true },
    ])
    // Written out for every row, not only where true, so a reader need not guess a default.
    expect(JSON.parse(commitmentsJson(alc)).rows[2]).toMatchObject({
      ownersProposed: false,
      dueProposed: false,
    })
  })

  it('still reads a version 1 document from before the flags, as nothing proposed', () => {
    const old = JSON.parse(commitmentsJson(alc))
    for (const row of old.rows) {
      delete row.ownersProposed
      delete row.dueProposed
    }
    const rows = commitmentsDocumentSchema.parse(old).rows
    expect(rows.every((row) => !row.ownersProposed && !row.dueProposed)).toBe(true)
  })

  it('carries absolute links under an origin', () => {
    const origin = 'https://accord.example.org'
    const document = commitmentsDocumentSchema.parse(JSON.parse(commitmentsJson(alc, { origin })))
    expect(document.rows.map((row) => row.link)).toEqual(alc.rows.map((row) => linkOf(row, origin)))
  })

  it('is refused by the schema when the format is another', () => {
    const other = { ...JSON.parse(commitmentsJson(alc)), version: 2 }
    expect(commitmentsDocumentSchema.safeParse(other).success).toBe(false)
  })
})
