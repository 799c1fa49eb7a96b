import { Link } from 'react-router'
import { formatMeetingDate } from '../dates.ts'
import { Proposed } from '../ledger/Proposed.tsx'
import type { Commitment } from './commitments.ts'

/**
 * One commitment: the sentence as minuted, when it is due and the meeting that holds it. Owners
 * and a date read from the sentence rather than set are marked "(proposed)", as in the editor.
 */
export function CommitmentItem({ commitment }: { commitment: Commitment }) {
  const { action, meeting, overdue, sharedWithAll, coOwners, proposedOwners, dueProposed } =
    commitment
  return (
    <li className="commitment" data-key={action.key}>
      <blockquote className="commitment__quote">
        <p>{action.sourceText.trim() || action.text}</p>
      </blockquote>
      <p className="commitment__meta">
        {action.status === 'in_progress' && <span className="commitment__status">In progress</span>}
        {overdue && <span className="commitment__overdue">Overdue</span>}
        <Due due={action.due} dueText={action.dueText} proposed={dueProposed} />
        {proposedOwners ? (
          // Every owner, this organisation too: it is the whole list that awaits confirming.
          <span>
            <Proposed when>Owners: {proposedOwners.join(', ')}</Proposed>
          </span>
        ) : (
          <>
            {sharedWithAll && <span>Owed by every organisation</span>}
            {coOwners.length > 0 && <span>Shared with {coOwners.join(', ')}</span>}
          </>
        )}
        <span>
          Minuted in{' '}
          <Link to={`/meetings/${encodeURIComponent(action.heldIn)}`}>
            {meeting?.title ?? 'the minutes'}
          </Link>
          {meeting && `, ${formatMeetingDate(meeting.date)}`}
        </span>
      </p>
    </li>
  )
}

interface DueProps {
  due: string | null
  dueText: string | null
  proposed: boolean
}

/** Worded as the meeting's side panel words it (structure/DueDate.tsx). */
function Due({ due, dueText, proposed }: DueProps) {
  if (due) {
    return (
      <span className="commitment__due">
        <Proposed when={proposed}>Due {formatMeetingDate(due)}</Proposed>
      </span>
    )
  }
  if (dueText) {
    return (
      <span className="commitment__due structure-flag">
        <Proposed when={proposed}>
          Due “{dueText}” <span className="structure-flag__note">(date not recognised)</span>
        </Proposed>
      </span>
    )
  }
  return <span className="commitment__due">No due date</span>
}
