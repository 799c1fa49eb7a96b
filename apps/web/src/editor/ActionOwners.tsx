import type { Organisation } from '@accord/coalition'
import { Proposed } from '../ledger/Proposed.tsx'
import type { ActionProposal } from '../suggestions/action-proposals.ts'
import { organisationNames } from './organisations.ts'

interface OwnersProps {
  /** The owners set on the node. */
  owners: readonly string[]
  proposal: ActionProposal | null
  organisations: readonly Organisation[]
}

/**
 * The owners in an action's header: those set on it, or those its words propose, marked
 * "(proposed)" in words (read out too), or the names that match no organisation, flagged.
 */
export function ActionOwners({ owners, proposal, organisations }: OwnersProps) {
  if (owners.length > 0) return <>{organisationNames(owners, organisations).join(', ')}</>
  if (proposal?.owners) {
    return <Proposed when>{organisationNames(proposal.owners, organisations).join(', ')}</Proposed>
  }
  if (proposal && proposal.unknownOwners.length > 0) {
    return (
      <span className="structure-flag">
        {proposal.unknownOwners.join(', ')}{' '}
        <span className="structure-flag__note">(not an organisation of the coalition)</span>
      </span>
    )
  }
  return <>No owner yet</>
}
