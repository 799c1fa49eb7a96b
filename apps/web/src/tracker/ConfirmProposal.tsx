import type { LedgerAction } from '@accord/minutes/ledger'
import { useState } from 'react'
import { describeProposal } from '../editor/describe-proposal.ts'
import { confirmPatch } from '../ledger/ledger-proposal.ts'
import { canConfirm, type ActionProposal } from '../suggestions/action-proposals.ts'
import { useActionEditing } from './action-editing.ts'

interface ConfirmProposalProps {
  action: LedgerAction
  proposal: ActionProposal | null
}

/**
 * The editor's one-click Confirm, on the tracker's row: writes the owners and date shown as
 * proposed into the action's node through the ledger PATCH, as the editor writes them. Named
 * with what it records and which action, since a table has one per proposing row.
 */
export function ConfirmProposal({ action, proposal }: ConfirmProposalProps) {
  const { editable, organisations, save } = useActionEditing()
  const [saving, setSaving] = useState(false)
  if (!editable || !canConfirm(proposal)) return null

  async function confirm(confirmed: ActionProposal) {
    setSaving(true)
    await save(confirmPatch(confirmed))
    setSaving(false)
  }

  return (
    <button
      type="button"
      className="button button--small button--secondary tracker-confirm"
      aria-label={`Confirm ${describeProposal(proposal, organisations)} for “${action.text}”`}
      aria-disabled={saving}
      onClick={() => {
        // aria-disabled rather than disabled: the button keeps a keyboard user's focus.
        if (!saving) void confirm(proposal)
      }}
    >
      Confirm
    </button>
  )
}
