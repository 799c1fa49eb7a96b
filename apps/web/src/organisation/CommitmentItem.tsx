import { Link } from 'react-router'
import { formatMeetingDate } from '../dates.ts'
import type { Commitment } from './commitments.ts'

/** One commitment: the sentence as minuted, when it is due and the meeting that holds it. */
export function CommitmentItem({ commitment }: { commitment: Commitment }) {
  const { action, meeting, overdue, sharedWithAll, coOwners } = commitment
  return (
    <li className="commitment" data-key={action.key}>
      <blockquote className="commitment__quote">
        <p>{action.sourceText.trim() || action.text}</p>
      </blockquote>
      <p className="commitment__meta">
        {action.status === 'in_progress' && <span className="commitment__status">In progress</span>}
        {overdue && <span className="commitment__overdue">Overdue</span>}
        <Due due={action.due} dueText={action.dueText} />
        {sharedWithAll && <span>Owed by every organisation</span>}
        {coOwners.length > 0 && <span>Shared with {coOwners.join(', ')}</span>}
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

function Due({ due, dueText }: { due: string | null; dueText: string | null }) {
  if (due) return <span className="commitment__due">Due {formatMeetingDate(due)}</span>
  if (dueText) {
    return (
      <span className="commitment__due structure-flag">
        Due “{dueText}” <span className="structure-flag__note">(date not recognised)</span>
      </span>
    )
  }
  return <span className="commitment__due">No due date</span>
}
