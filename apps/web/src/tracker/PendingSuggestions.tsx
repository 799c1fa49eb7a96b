import type { Ledger } from '@accord/minutes/ledger'
import { Link } from 'react-router'
import { formatMeetingDate } from '../dates.ts'

/** A nudge per meeting whose minutes hold suggestions nobody has accepted or dismissed yet. */
export function PendingSuggestions({
  ledger,
}: {
  ledger: Pick<Ledger, 'meetings' | 'pendingSuggestions'>
}) {
  const pending = ledger.meetings.flatMap((meeting) => {
    const count = ledger.pendingSuggestions[meeting.id] ?? 0
    return count > 0 ? [{ meeting, count }] : []
  })
  if (pending.length === 0) return null
  return (
    <div className="notice notice--info tracker-pending">
      <ul>
        {pending.map(({ meeting, count }) => (
          <li key={meeting.id}>
            {count === 1 ? '1 suggestion' : `${count} suggestions`} in{' '}
            <Link to={`/meetings/${meeting.id}`}>
              {meeting.title} ({formatMeetingDate(meeting.date)})
            </Link>{' '}
            {count === 1 ? 'is' : 'are'} waiting for review.
          </li>
        ))}
      </ul>
    </div>
  )
}
