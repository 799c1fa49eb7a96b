import { describe, expect, it } from 'vitest'
import { describeProposal } from './describe-proposal.ts'

const organisations = [
  { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC', aliases: [] },
  { id: 'fpct', name: 'Fair Pay for Care Trust', shortName: 'FPCT', aliases: [] },
]

describe('describeProposal', () => {
  it('says what one click records: owners by short name and the date', () => {
    expect(
      describeProposal(
        {
          owners: ['alc'],
          unknownOwners: [],
          assignee: null,
          due: { due: '2025-03-07', dueText: 'Friday' },
        },
        organisations,
      ),
    ).toBe('owner ALC and due date Fri 7 Mar')
    expect(
      describeProposal(
        { owners: ['alc', 'fpct'], unknownOwners: [], assignee: null, due: null },
        organisations,
      ),
    ).toBe('owners ALC, FPCT')
  })

  it('quotes date words that are no date', () => {
    expect(
      describeProposal(
        { owners: null, unknownOwners: [], assignee: null, due: { due: null, dueText: 'soon' } },
        organisations,
      ),
    ).toBe('due date “soon”')
  })
})
