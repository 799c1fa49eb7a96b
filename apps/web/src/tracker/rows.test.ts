import { describe, expect, it } from 'vitest'
import { trackerRows } from './rows.ts'
import { testLedger } from './test-ledger.ts'

const TODAY = '2026-03-16'

describe('trackerRows', () => {
  it('names owners by short name, everyone as "All members", unknown names as written', () => {
    const rows = trackerRows(
      testLedger([
        { owners: ['alc', 'ct'] },
        { owners: ['ALL'] },
        { owners: ['ct'], unknownOwners: ['Age UK'] },
        { owners: [] },
      ]),
      TODAY,
    )
    expect(rows.map((row) => row.owners)).toEqual(['ALC, CT', 'All members', 'CT, Age UK', ''])
  })

  it('finds the assignee and the meetings, and marks carried actions', () => {
    const [row] = trackerRows(
      testLedger([
        { assignee: 'p1', raisedIn: 'm1', heldIn: 'm3', meetingIds: ['m1', 'm2', 'm3'] },
      ]),
      TODAY,
    )
    expect(row?.assignee).toBe('Priya Shah')
    expect(row?.raisedIn?.title).toBe('January call')
    expect(row?.heldIn?.title).toBe('March call')
    expect(row?.carried).toBe(true)
  })

  it('is not carried when one meeting holds it; an unknown assignee shows as none', () => {
    const [row] = trackerRows(testLedger([{ assignee: 'gone' }]), TODAY)
    expect(row?.carried).toBe(false)
    expect(row?.assignee).toBeNull()
  })

  it('puts each action in its due bucket for the given day', () => {
    const rows = trackerRows(
      testLedger([{ due: '2026-03-13' }, { due: '2026-03-20' }, { due: null }]),
      TODAY,
    )
    expect(rows.map((row) => row.dueBucket)).toEqual(['overdue', 'this-week', 'none'])
  })

  it('carries what the words propose: owners with their assignee, and the date', () => {
    const [owners, date, set] = trackerRows(
      testLedger([
        { owners: ['alc'], assignee: 'p1', ownersProposed: true },
        { due: '2026-03-20', dueText: 'Friday', dueProposed: true },
        { due: '2026-03-20', dueText: 'Friday' },
      ]),
      TODAY,
    )
    expect(owners?.proposal).toMatchObject({ owners: ['alc'], assignee: 'p1', due: null })
    expect(date?.proposal).toMatchObject({
      owners: null,
      due: { due: '2026-03-20', dueText: 'Friday' },
    })
    expect(set?.proposal).toBeNull()
  })
})
