import { describe, expect, it } from 'vitest'
import {
  canConfirm,
  confirmedAttributes,
  pendingProposal,
  proposalOf,
  type ProposalSource,
} from './action-proposals.ts'

const nothingSet: ProposalSource = {
  owners: ['alc'],
  unknownOwners: [],
  ownersProposed: true,
  assignee: null,
  due: '2025-03-07',
  dueText: 'Friday',
  dueProposed: true,
}

describe('proposalOf', () => {
  it('reads proposed owners and date, and confirming writes exactly them', () => {
    const proposal = proposalOf(nothingSet)
    expect(proposal).toEqual({
      owners: ['alc'],
      unknownOwners: [],
      assignee: null,
      due: { due: '2025-03-07', dueText: 'Friday' },
    })
    expect(confirmedAttributes(proposal!)).toEqual({
      owners: ['alc'],
      due: '2025-03-07',
      dueText: 'Friday',
    })
  })

  it('has nothing to propose for an action whose attributes hold owners and date', () => {
    expect(proposalOf({ ...nothingSet, ownersProposed: false, dueProposed: false })).toBeNull()
  })

  it('keeps date words that are no date as proposed words, written with no date', () => {
    const proposal = proposalOf({
      ...nothingSet,
      ownersProposed: false,
      due: null,
      dueText: 'when the report is out',
    })
    expect(confirmedAttributes(proposal!)).toEqual({ due: null, dueText: 'when the report is out' })
  })

  it('shows names that match no organisation, but has nothing to confirm for them', () => {
    const proposal = proposalOf({
      ...nothingSet,
      owners: [],
      unknownOwners: ['Carers UK'],
      ownersProposed: false,
      dueProposed: false,
    })
    expect(proposal?.unknownOwners).toEqual(['Carers UK'])
    expect(canConfirm(proposal)).toBe(false)
  })

  it('writes the person named along with their organisation', () => {
    const proposal = proposalOf({ ...nothingSet, assignee: 'p-priya', dueProposed: false })
    expect(confirmedAttributes(proposal!)).toEqual({ owners: ['alc'], assignee: 'p-priya' })
  })
})

describe('pendingProposal', () => {
  const proposal = proposalOf(nothingSet)

  it('drops what the node has been given since the reading', () => {
    const attrs = { owners: ['fpct'], due: null, dueText: null }
    expect(pendingProposal(attrs, proposal)).toEqual({
      owners: null,
      unknownOwners: [],
      assignee: null,
      due: { due: '2025-03-07', dueText: 'Friday' },
    })
    expect(pendingProposal({ owners: ['fpct'], due: null, dueText: 'Monday' }, proposal)).toBeNull()
  })

  it('keeps the whole proposal while the node has neither', () => {
    expect(pendingProposal({ owners: [], due: null, dueText: null }, proposal)).toEqual(proposal)
  })
})
