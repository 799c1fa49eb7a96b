import { isOwnedBy } from '@accord/minutes/ledger'
import { describe, expect, it } from 'vitest'
import { commitmentsOf, linkOf } from './commitments.ts'
import { ledgerFixture, TODAY } from './testing/ledger-fixture.ts'

describe('commitmentsOf', () => {
  const ledger = ledgerFixture()
  const alc = commitmentsOf(ledger, 'alc', TODAY)

  it('holds every action the organisation owns, named or as one of ALL, and no other', () => {
    const owned = ledger.actions.filter((action) => isOwnedBy(action, 'alc'))
    expect(alc.rows.map((row) => row.key).sort()).toEqual(owned.map((a) => a.key).sort())
    expect(alc.rows.map((row) => row.key)).not.toContain('a-venue')
  })

  it('puts outstanding work first by due date (undated last), then done, then dropped', () => {
    expect(alc.rows.map((row) => row.key)).toEqual([
      'a-letter',
      'a-socials',
      'a-budget',
      'a-signatory',
      'a-funding',
      'a-minutes',
      'a-logos',
      'a-survey',
    ])
  })

  it('resolves names, meetings and flags', () => {
    const letter = alc.rows.find((row) => row.key === 'a-letter')!
    expect(letter).toMatchObject({
      overdue: true,
      carried: true,
      sharedWithAll: false,
      coOwners: ['CN'],
      assignee: 'Aroha Ngata',
      raisedIn: { id: 'm-oct', title: 'Steering group', date: '2026-10-06' },
      heldIn: { id: 'm-dec', title: 'Planning day in Ōtautahi', date: '2026-12-01' },
      link: '/meetings/m-dec#action-a-letter',
    })
    expect(alc.rows.find((row) => row.key === 'a-signatory')).toMatchObject({
      sharedWithAll: true,
      coOwners: [],
      overdue: false,
    })
    expect(alc.rows.find((row) => row.key === 'a-funding')!.coOwners).toEqual(['Greenpeace'])
    // Done work is never overdue, whatever its date.
    expect(alc.rows.find((row) => row.key === 'a-minutes')!.overdue).toBe(false)
    expect(alc).toMatchObject({ generatedOn: TODAY, organisation: { shortName: 'ALC' } })
  })

  it('says which owners and dates were only read from the words, as the ledger does', () => {
    const flags = (key: string) => {
      const { ownersProposed, dueProposed } = alc.rows.find((row) => row.key === key)!
      return { ownersProposed, dueProposed }
    }
    expect(flags('a-letter')).toEqual({ ownersProposed: true, dueProposed: false })
    expect(flags('a-socials')).toEqual({ ownersProposed: false, dueProposed: true })
    expect(flags('a-budget')).toEqual({ ownersProposed: false, dueProposed: false })
  })

  it('proposes nothing for a ledger from before the flags, nor a date where there is none', () => {
    const old = ledgerFixture()
    for (const action of old.actions) {
      delete action.ownersProposed
      delete action.dueProposed
    }
    const funding = old.actions.find((action) => action.key === 'a-funding')!
    Object.assign(funding, { due: null, dueText: null, dueProposed: true })
    const rows = commitmentsOf(old, 'alc', TODAY).rows
    expect(rows.filter((row) => row.ownersProposed || row.dueProposed)).toEqual([])
  })

  it('makes links absolute under an origin', () => {
    expect(linkOf(alc.rows[0]!, 'https://accord.example.org/')).toBe(
      'https://accord.example.org/meetings/m-dec#action-a-letter',
    )
    expect(linkOf(alc.rows[0]!)).toBe('/meetings/m-dec#action-a-letter')
  })

  it('refuses an organisation the ledger does not have', () => {
    expect(() => commitmentsOf(ledger, 'nope', TODAY)).toThrow(/"nope" is not in the ledger/)
  })
})
