import type { ActionItemAttrs } from '@accord/minutes/nodes'

/**
 * What the extractor reports of an action node: the owners and due date its attributes hold,
 * or – where they hold none – what the node's own words say ("ALC to circulate the paper by
 * Friday"), flagged as proposed. The server's structure has the same fields, so the editor's
 * node header and the side panel read proposals the same way.
 */
export interface ProposalSource {
  owners: readonly string[]
  unknownOwners: readonly string[]
  ownersProposed: boolean
  assignee: string | null
  due: string | null
  dueText: string | null
  dueProposed: boolean
}

/**
 * Owners and a due date read from an action's words, not yet written into it. The tracker
 * already files the action under them, so every surface shows them – as proposals, until
 * someone confirms them with one click.
 */
export interface ActionProposal {
  /** Organisation ids (or ['ALL']); null when the owners are not a proposal. */
  owners: readonly string[] | null
  /** Names the words give as owners that match no organisation: shown flagged, never written. */
  unknownOwners: readonly string[]
  assignee: string | null
  /** The date words, and the date they mean (null when they do not read as a date). */
  due: { due: string | null; dueText: string } | null
}

export type ProposedAttributes = Partial<
  Pick<ActionItemAttrs, 'owners' | 'assignee' | 'due' | 'dueText'>
>

/** The proposal in what the extractor reported of an action node; null when there is none. */
export function proposalOf(action: ProposalSource): ActionProposal | null {
  const owners = action.ownersProposed && action.owners.length > 0 ? [...action.owners] : null
  const unknownOwners = owners === null && action.owners.length === 0 ? action.unknownOwners : []
  const due =
    action.dueProposed && action.dueText !== null
      ? { due: action.due, dueText: action.dueText }
      : null
  if (!owners && !due && unknownOwners.length === 0) return null
  return {
    owners,
    unknownOwners: [...unknownOwners],
    assignee: owners ? action.assignee : null,
    due,
  }
}

/**
 * The attributes confirming a proposal writes into the node: the owners (with the person
 * named, if any) and the due date, exactly as proposed. Unknown names are not written: an
 * owner is an organisation of the coalition. Empty when nothing can be confirmed.
 */
export function confirmedAttributes(proposal: ActionProposal): ProposedAttributes {
  const attributes: ProposedAttributes = {}
  if (proposal.owners) {
    attributes.owners = [...proposal.owners]
    if (proposal.assignee) attributes.assignee = proposal.assignee
  }
  if (proposal.due) {
    attributes.due = proposal.due.due
    attributes.dueText = proposal.due.dueText
  }
  return attributes
}

/** Whether the proposal has anything one click can write. */
export function canConfirm(proposal: ActionProposal | null): proposal is ActionProposal {
  return proposal !== null && (proposal.owners !== null || proposal.due !== null)
}

export function sameProposal(a: ActionProposal | null, b: ActionProposal | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * What is still only proposed, given the node's attributes now: a part someone has set since
 * the last reading (owners picked, a date typed) is no longer a proposal, whatever the
 * reading, which can be a quarter of a second behind, still says.
 */
export function pendingProposal(
  attrs: Pick<ActionItemAttrs, 'owners' | 'due' | 'dueText'>,
  proposal: ActionProposal | null,
): ActionProposal | null {
  if (!proposal) return null
  const ownersSet = attrs.owners.length > 0
  const dueSet = attrs.due !== null || attrs.dueText !== null
  const pending: ActionProposal = {
    owners: ownersSet ? null : proposal.owners,
    unknownOwners: ownersSet ? [] : proposal.unknownOwners,
    assignee: ownersSet ? null : proposal.assignee,
    due: dueSet ? null : proposal.due,
  }
  if (!pending.owners && !pending.due && pending.unknownOwners.length === 0) return null
  return pending
}
