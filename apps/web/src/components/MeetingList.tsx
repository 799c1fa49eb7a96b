import type { Meeting } from '@accord/minutes/meeting'
import { Link } from 'react-router'
import { formatMeetingDate } from '../dates.ts'

export function MeetingList({ meetings }: { meetings: Meeting[] }) {
  if (meetings.length === 0) {
    return <p className="empty-state">Nothing here yet. Create the first meeting above.</p>
  }
  return (
    <ul className="meeting-list">
      {meetings.map((meeting) => (
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
