import { describe, expect, it } from 'vitest'
import { DEFAULT_FILTERS, filterRows, type TrackerFilters } from './filters.ts'
import { trackerRows } from './rows.ts'
import { testLedger } from './test-ledger.ts'

const TODAY = '2026-03-16'

const rows = trackerRows(
  testLedger([
    { text: 'ALC late', owners: ['alc'], due: '2026-03-01' },
    { text: 'CT this week', owners: ['ct'], due: '2026-03-18', status: 'in_progress' },
    { text: 'Everyone, no date', owners: ['ALL'] },
    { text: 'CT done', owners: ['ct'], status: 'done', due: '2026-03-01' },
    { text: 'ALC dropped', owners: ['alc'], status: 'dropped' },
    {
      text: 'ALC carried',
      owners: ['alc'],
      raisedIn: 'm1',
      heldIn: 'm2',
      meetingIds: ['m1', 'm2'],
      due: '2026-06-01',
    },
  ]),
  TODAY,
)

const texts = (filters: Partial<TrackerFilters>) =>
  filterRows(rows, { ...DEFAULT_FILTERS, ...filters }).map((row) => row.action.text)

describe('filterRows', () => {
  it('shows what is still to do by default', () => {
    expect(texts({})).toEqual(['ALC late', 'CT this week', 'Everyone, no date', 'ALC carried'])
  })

  it('shows an organisation its own actions and those owed by all members', () => {
    expect(texts({ organisation: 'ct', status: 'all' })).toEqual([
      'CT this week',
      'Everyone, no date',
      'CT done',
    ])
  })

  it('filters by status', () => {
    expect(texts({ status: 'done' })).toEqual(['CT done'])
    expect(texts({ status: 'dropped' })).toEqual(['ALC dropped'])
    expect(texts({ status: 'in_progress' })).toEqual(['CT this week'])
    expect(texts({ status: 'all' })).toHaveLength(rows.length)
  })

  it('filters by due date: overdue never includes finished work', () => {
    expect(texts({ due: 'overdue', status: 'all' })).toEqual(['ALC late'])
    expect(texts({ due: 'this-week' })).toEqual(['CT this week'])
    expect(texts({ due: 'none', status: 'all' })).toEqual(['Everyone, no date', 'ALC dropped'])
  })

  it('filters by any meeting that holds the action', () => {
    expect(texts({ meeting: 'm1' })).toEqual(['ALC carried'])
    expect(texts({ meeting: 'm2' })).toEqual(['ALC carried'])
    expect(texts({ meeting: 'm3' })).toEqual(['ALC late', 'CT this week', 'Everyone, no date'])
  })

  it('combines filters', () => {
    expect(texts({ organisation: 'alc', due: 'overdue' })).toEqual(['ALC late'])
    expect(texts({ organisation: 'ct', due: 'overdue' })).toEqual([])
  })
})
