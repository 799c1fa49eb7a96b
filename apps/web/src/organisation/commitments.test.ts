import { describe, expect, it } from 'vitest'
import { commitmentsOf } from './commitments.ts'
import { action, ledgerWith } from './ledger-fixtures.ts'

const keys = (list: { action: { key: string } }[]) => list.map((c) => c.action.key)

describe('commitmentsOf', () => {
  it("keeps the organisation's actions and those owed by all, not another organisation's", () => {
    const ledger = ledgerWith({
      actions: [
        action('a', { owners: ['alc'] }),
        action('b', { owners: ['ncvo'] }),
        action('c', { owners: ['ALL'] }),
        action('d', { owners: ['ncvo', 'alc'], unknownOwners: ['Age UK'] }),
      ],
    })
    const { open } = commitmentsOf(ledger, 'alc', '2025-03-01')
    expect(keys(open)).toEqual(['a', 'c', 'd'])
    expect(open[1]).toMatchObject({ sharedWithAll: true, coOwners: [] })
    expect(open[2]).toMatchObject({ sharedWithAll: false, coOwners: ['NCVO', 'Age UK'] })
    expect(keys(commitmentsOf(ledger, 'ncvo', '2025-03-01').open)).toEqual(['b', 'c', 'd'])
  })

  it('splits by status: open and in progress together, then done, then dropped', () => {
    const ledger = ledgerWith({
      actions: [
        action('a', { status: 'done' }),
        action('b', { status: 'in_progress' }),
        action('c', { status: 'dropped' }),
        action('d', { status: 'open' }),
      ],
    })
    const groups = commitmentsOf(ledger, 'alc', '2025-03-01')
    expect(keys(groups.open)).toEqual(['b', 'd'])
    expect(keys(groups.done)).toEqual(['a'])
    expect(keys(groups.dropped)).toEqual(['c'])
  })

  it('sorts outstanding work by due date, undated last, ties in ledger order', () => {
    const ledger = ledgerWith({
      actions: [
        action('undated'),
        action('late', { due: '2025-04-01' }),
        action('soon', { due: '2025-02-01' }),
        action('soon-too', { due: '2025-02-01' }),
        action('done-early', { due: '2025-01-01', status: 'done' }),
        action('done-late', { due: '2025-05-01', status: 'done' }),
      ],
    })
    const groups = commitmentsOf(ledger, 'alc', '2025-03-01')
    expect(keys(groups.open)).toEqual(['soon', 'soon-too', 'late', 'undated'])
    // Finished work keeps the ledger's order: its due date no longer matters.
    expect(keys(groups.done)).toEqual(['done-early', 'done-late'])
  })

  it('marks outstanding work due before today as overdue, and finds its meeting', () => {
    const ledger = ledgerWith({
      actions: [
        action('past', { due: '2025-02-28', heldIn: 'm2' }),
        action('today', { due: '2025-03-01' }),
        action('finished', { due: '2025-02-01', status: 'done' }),
      ],
    })
    const groups = commitmentsOf(ledger, 'alc', '2025-03-01')
    expect(groups.open.map((c) => c.overdue)).toEqual([true, false])
    expect(groups.open[0]?.meeting?.title).toBe('February call')
    expect(groups.done[0]?.overdue).toBe(false)
  })

  it('names every owner when the owners were only read from the words, and flags the date', () => {
    const ledger = ledgerWith({
      actions: [
        action('words', {
          owners: ['ncvo', 'alc'],
          ownersProposed: true,
          due: '2025-03-07',
          dueText: 'Friday',
          dueProposed: true,
        }),
        action('everyone', { owners: ['ALL'], ownersProposed: true }),
        action('set', { owners: ['alc', 'ncvo'], due: '2025-03-07', dueText: 'Friday' }),
      ],
    })
    const [words, set, everyone] = commitmentsOf(ledger, 'alc', '2025-03-01').open
    expect(words).toMatchObject({ proposedOwners: ['NCVO', 'ALC'], dueProposed: true })
    expect(everyone).toMatchObject({ proposedOwners: ['All members'], dueProposed: false })
    expect(set).toMatchObject({ proposedOwners: null, dueProposed: false, coOwners: ['NCVO'] })
  })
})
