import type { Organisation } from '@accord/coalition'
import type { ActionProposal } from '../suggestions/action-proposals.ts'
import { formatDue } from './due-date.ts'
import { organisationNames } from './organisations.ts'

/**
 * What confirming a proposal writes, in words: "owner ALC and due date Fri 7 Mar". The
 * Confirm button is named with it, so a screen reader says what one click will record.
 */
export function describeProposal(
  proposal: ActionProposal,
  // Short names are all it reads: the ledger's organisations (the tracker's Confirm) do too.
  organisations: readonly Pick<Organisation, 'id' | 'shortName'>[],
): string {
  const parts: string[] = []
  if (proposal.owners) {
    const names = organisationNames(proposal.owners, organisations)
    parts.push(`${names.length === 1 ? 'owner' : 'owners'} ${names.join(', ')}`)
  }
  if (proposal.due) {
    const { due, dueText } = proposal.due
    parts.push(`due date ${due ? formatDue(due) : `“${dueText}”`}`)
  }
  return parts.join(' and ')
}
