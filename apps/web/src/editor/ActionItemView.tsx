import { ACTION_STATUSES, type ActionStatus } from '@accord/minutes/nodes'
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { Link } from 'react-router'
import { canConfirm, confirmedAttributes } from '../suggestions/action-proposals.ts'
import { describeProposal } from './describe-proposal.ts'
import { dueFromText, formatDue } from './due-date.ts'
import { EditableChip } from './EditableChip.tsx'
import { useMinutesContext } from './minutes-context.ts'
import { ActionOwners } from './ActionOwners.tsx'
import { actionAttrs } from './safe-attrs.ts'
import { useActionProposal } from './use-action-proposal.ts'

const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}

/**
 * An action: who owes it, by when and how far it is, above its text. Where the node has no
 * owners or date but its words give them ("ALC to circulate the paper by Friday"), the header
 * shows them as proposed – the tracker already files the action under them – with one button
 * to write them into the node.
 */
export function ActionItemView({ node, updateAttributes }: ReactNodeViewProps) {
  const { organisations, meetingDate, editable, extraction } = useMinutesContext()
  const attrs = actionAttrs(node.attrs)
  const proposal = useActionProposal(extraction, attrs)
  const proposedDue = proposal?.due ?? null
  const unparsed = proposedDue
    ? proposedDue.due === null
    : attrs.dueText !== null && attrs.due === null

  let dueText = attrs.due ? `Due ${formatDue(attrs.due)}` : (attrs.dueText ?? 'Add due date')
  if (proposedDue) {
    dueText = `${proposedDue.due ? `Due ${formatDue(proposedDue.due)}` : proposedDue.dueText} (proposed)`
  }

  return (
    <NodeViewWrapper className={`structured structured--action structured--${attrs.status}`}>
      <div className="structured__header" contentEditable={false}>
        <span className="structured__kind">Action</span>
        <span className="structured__people">
          <span className="visually-hidden">Owners: </span>
          <ActionOwners owners={attrs.owners} proposal={proposal} organisations={organisations} />
        </span>
        <EditableChip
          label="Due date"
          text={dueText}
          flag={unparsed ? 'date not understood' : null}
          value={proposedDue?.dueText ?? attrs.dueText ?? attrs.due ?? ''}
          placeholder="e.g. Friday, end of March"
          editable={editable}
          onCommit={(text) => updateAttributes(dueFromText(text, meetingDate))}
        />
        {editable && canConfirm(proposal) && (
          <button
            type="button"
            className="chip chip--confirm"
            aria-label={`Confirm ${describeProposal(proposal, organisations)}`}
            onClick={() => updateAttributes(confirmedAttributes(proposal))}
          >
            Confirm
          </button>
        )}
        <select
          className="structured__status"
          aria-label="Status"
          value={attrs.status}
          disabled={!editable}
          onChange={(event) => updateAttributes({ status: event.target.value })}
        >
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
        {attrs.carriedFrom && (
          <Link
            className="structured__carried"
            to={`/meetings/${encodeURIComponent(attrs.carriedFrom)}`}
            title="Open the meeting this action was carried from"
          >
            Carried over
          </Link>
        )}
      </div>
      <NodeViewContent className="structured__text" />
    </NodeViewWrapper>
  )
}
