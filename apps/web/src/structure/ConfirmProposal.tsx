import type { Organisation } from '@accord/coalition'
import type { StructureAction } from '@accord/minutes/structure'
import { useState } from 'react'
import { describeProposal } from '../editor/describe-proposal.ts'
import { organisationNames } from '../editor/organisations.ts'
import { Proposed } from '../ledger/Proposed.tsx'
import { canConfirm, confirmedAttributes, proposalOf } from '../suggestions/action-proposals.ts'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import { NoLongerInMinutes } from './NoLongerInMinutes.tsx'

interface ProposedOwnersProps {
  action: StructureAction
  organisations: readonly Organisation[]
}

/** "ALC (proposed)", for an action whose owners were read from its words. */
export function ProposedOwners({ action, organisations }: ProposedOwnersProps) {
  if (!action.ownersProposed || action.owners.length === 0) return null
  return <Proposed when>{organisationNames(action.owners, organisations).join(', ')}</Proposed>
}

interface ConfirmProposalProps extends ProposedOwnersProps {
  review: SuggestionReview
  /** Id of the action's text: the button is described by it. */
  describedBy: string
}

/**
 * Writes the owners and due date shown as proposed into the action's node, as the Confirm
 * button in its header does. Nothing when there is nothing to confirm.
 */
export function ConfirmProposal({
  action,
  organisations,
  review,
  describedBy,
}: ConfirmProposalProps) {
  const [missing, setMissing] = useState(false)
  const proposal = action.origin === 'explicit' ? proposalOf(action) : null
  if (!canConfirm(proposal)) return null
  return (
    <div className="structure__review">
      <button
        type="button"
        className="button button--small"
        aria-label={`Confirm ${describeProposal(proposal, organisations)}`}
        aria-describedby={describedBy}
        onClick={() =>
          setMissing(!review.confirmProposal(action.key, confirmedAttributes(proposal)))
        }
      >
        Confirm
      </button>
      {missing && <NoLongerInMinutes />}
    </div>
  )
}
