import type { ActionPatch, LedgerAction } from '@accord/minutes/ledger'
import {
  confirmedAttributes,
  proposalOf,
  type ActionProposal,
} from '../suggestions/action-proposals.ts'

/**
 * What a ledger action's words propose and its node lacks: the owners, assignee and due date
 * the tracker and organisation page show "(proposed)". Read by the same rule as the editor's
 * node header and the side panel (proposalOf), so every surface proposes the same thing.
 * Null when nothing is proposed.
 */
export function ledgerProposal(
  action: Pick<
    LedgerAction,
    'owners' | 'unknownOwners' | 'assignee' | 'due' | 'dueText' | 'ownersProposed' | 'dueProposed'
  >,
): ActionProposal | null {
  return proposalOf({
    ...action,
    // A ledger from before the flags proposes nothing.
    ownersProposed: action.ownersProposed === true,
    dueProposed: action.dueProposed === true,
  })
}

/**
 * The change the tracker's Confirm sends: what the editor's Confirm writes into the node
 * (confirmedAttributes), as the ledger PATCH takes it. The date words go with the date, so the
 * minutes keep "Friday" as typed; words that read as no date are kept with no date.
 */
export function confirmPatch(proposal: ActionProposal): ActionPatch {
  const { owners, assignee, due, dueText } = confirmedAttributes(proposal)
  const patch: ActionPatch = {}
  if (owners) patch.owners = [...owners]
  if (assignee) patch.assignee = assignee
  if (dueText !== undefined) {
    patch.due = due ?? null
    patch.dueText = dueText
  }
  return patch
}
