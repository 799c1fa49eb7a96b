import type { Meeting } from '@accord/minutes/meeting'
import { Link } from 'react-router'
import { formatMeetingDate } from '../dates.ts'

interface MeetingListProps {
  meetings: Meeting[]
  /** Whether the empty state may point at the new-meeting form. */
  canCreate: boolean
}

/** Newest first: the server sends them in that order; sorting again costs nothing and is sure. */
export function MeetingList({ meetings, canCreate }: MeetingListProps) {
  if (meetings.length === 0) {
    return (
      <p className="empty-state">
        {canCreate ? 'Nothing here yet. Create the first meeting above.' : 'No meetings yet.'}
      </p>
    )
  }
  const newestFirst = [...meetings].sort(
    (a, b) => b.date.localeCompare(a.date) || b.createdAt.localeCompare(a.createdAt),
  )
  return (
    <ul className="meeting-list">
      {newestFirst.map((meeting) => (
        <li key={meeting.id} className="meeting-list__item">
          <Link to={`/meetings/${meeting.id}`} className="meeting-list__link">
            {meeting.title}
          </Link>
          <time className="meeting-list__date" dateTime={meeting.date}>
            {formatMeetingDate(meeting.date)}
          </time>
        </li>
      ))}
    </ul>
  )
}
