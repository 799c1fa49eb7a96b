import { ACTION_STATUSES, type ActionStatus } from '@accord/minutes/nodes'
import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { Link } from 'react-router'
import { dueFromText, formatDue } from './due-date.ts'
import { EditableChip } from './EditableChip.tsx'
import { useMinutesContext } from './minutes-context.ts'
import { organisationNames } from './organisations.ts'
import { actionAttrs } from './safe-attrs.ts'

const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
}

/** An action: who owes it, by when and how far it is, above its text. */
export function ActionItemView({ node, updateAttributes }: ReactNodeViewProps) {
  const { organisations, meetingDate, editable } = useMinutesContext()
  const attrs = actionAttrs(node.attrs)
  const owners = organisationNames(attrs.owners, organisations)
  const unparsed = attrs.dueText !== null && attrs.due === null

  return (
    <NodeViewWrapper className={`structured structured--action structured--${attrs.status}`}>
      <div className="structured__header" contentEditable={false}>
        <span className="structured__kind">Action</span>
        <span className="structured__people">
          <span className="visually-hidden">Owners: </span>
          {owners.length > 0 ? owners.join(', ') : 'No owner yet'}
        </span>
        <EditableChip
          label="Due date"
          text={attrs.due ? `Due ${formatDue(attrs.due)}` : (attrs.dueText ?? 'Add due date')}
          flag={unparsed ? 'date not understood' : null}
          value={attrs.dueText ?? attrs.due ?? ''}
          placeholder="e.g. Friday, end of March"
          editable={editable}
          onCommit={(text) => updateAttributes(dueFromText(text, meetingDate))}
        />
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
