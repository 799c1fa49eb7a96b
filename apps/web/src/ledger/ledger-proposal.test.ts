import { actionPatchSchema } from '@accord/minutes/ledger'
import { describe, expect, it } from 'vitest'
import { testAction } from '../tracker/test-ledger.ts'
import { confirmPatch, ledgerProposal } from './ledger-proposal.ts'

describe('ledgerProposal', () => {
  it('proposes the owners, assignee and date the ledger flags, as the editor reads them', () => {
    const action = testAction({
      owners: ['alc'],
      assignee: 'p1',
      ownersProposed: true,
      due: '2026-03-13',
      dueText: 'Friday',
      dueProposed: true,
    })
    expect(ledgerProposal(action)).toEqual({
      owners: ['alc'],
      unknownOwners: [],
      assignee: 'p1',
      due: { due: '2026-03-13', dueText: 'Friday' },
    })
  })

  it('proposes only what is flagged, and nothing for a ledger from before the flags', () => {
    const dateOnly = testAction({ due: '2026-03-13', dueText: 'Friday', dueProposed: true })
    expect(ledgerProposal(dateOnly)).toMatchObject({ owners: null, assignee: null })
    expect(ledgerProposal(testAction({ due: '2026-03-13', dueText: 'Friday' }))).toBeNull()
    const older = testAction({ due: '2026-03-13' })
    delete older.ownersProposed
    delete older.dueProposed
    expect(ledgerProposal(older)).toBeNull()
  })
})

describe('confirmPatch', () => {
  it('sends exactly the proposal, the date words with the date, and the server takes it', () => {
    const proposal = ledgerProposal(
      testAction({
        assignee: 'p1',
        ownersProposed: true,
        due: '2026-03-13',
        dueText: 'Friday',
        dueProposed: true,
      }),
    )!
    const patch = confirmPatch(proposal)
    expect(patch).toEqual({ owners: ['alc'], assignee: 'p1', due: '2026-03-13', dueText: 'Friday' })
    expect(actionPatchSchema.parse(patch)).toEqual(patch)
  })

  it('keeps date words that read as no date, with no date', () => {
    const proposal = ledgerProposal(
      testAction({ due: null, dueText: 'before the AGM', dueProposed: true }),
    )!
    const patch = confirmPatch(proposal)
    expect(patch).toEqual({ due: null, dueText: 'before the AGM' })
    expect(actionPatchSchema.parse(patch)).toEqual(patch)
  })

  it('confirms owners alone when only they are proposed', () => {
    const proposal = ledgerProposal(testAction({ owners: ['ALL'], ownersProposed: true }))!
    expect(confirmPatch(proposal)).toEqual({ owners: ['ALL'] })
  })
})
