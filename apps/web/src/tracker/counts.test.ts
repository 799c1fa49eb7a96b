import { describe, expect, it } from 'vitest'
import { countsByOrganisation } from './counts.ts'
import { trackerRows } from './rows.ts'
import { testLedger } from './test-ledger.ts'

describe('countsByOrganisation', () => {
  it('counts open, overdue and done apart, everyone’s actions for each, dropped for none', () => {
    const ledger = testLedger([
      { owners: ['alc'], due: '2026-03-01' },
      { owners: ['alc'], due: '2026-04-01', status: 'in_progress' },
      { owners: ['alc', 'ct'], status: 'done', due: '2026-03-01' },
      { owners: ['ALL'] },
      { owners: ['ct'], status: 'dropped' },
    ])
    const counts = countsByOrganisation(ledger.organisations, trackerRows(ledger, '2026-03-16'))
    expect(counts).toEqual([
      {
        organisationId: 'alc',
        name: 'Association of Local Councils',
        shortName: 'ALC',
        open: 2,
        overdue: 1,
        done: 1,
      },
      {
        organisationId: 'ct',
        name: 'Carers Trust',
        shortName: 'CT',
        open: 1,
        overdue: 0,
        done: 1,
      },
    ])
  })

  it('lists every organisation, even one that owes nothing', () => {
    const ledger = testLedger([])
    expect(countsByOrganisation(ledger.organisations, []).map((row) => row.open)).toEqual([0, 0])
  })
})
