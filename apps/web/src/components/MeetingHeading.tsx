import type { Meeting } from '@accord/minutes/meeting'
import { Link } from 'react-router'
import { formatMeetingDateFull } from '../dates.ts'

export function MeetingHeading({ meeting }: { meeting: Meeting }) {
  return (
    <div className="meeting-heading">
      <Link to="/" className="back-link">
        ← All meetings
      </Link>
      <h1>
        {meeting.title}{' '}
        <time className="meeting-heading__date" dateTime={meeting.date}>
          {formatMeetingDateFull(meeting.date)}
        </time>
      </h1>
    </div>
  )
}
