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
