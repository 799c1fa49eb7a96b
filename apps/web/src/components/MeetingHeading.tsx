import type { Coalition } from '@accord/coalition'
import type { Meeting } from '@accord/minutes/meeting'
import { Link } from 'react-router'
import { formatMeetingDateFull } from '../dates.ts'

export function MeetingHeading({ meeting, coalition }: { meeting: Meeting; coalition: Coalition }) {
  return (
    <div className="meeting-heading">
      <nav aria-label="Breadcrumb">
        <Link to={`/c/${coalition.id}`} className="back-link">
          ← {coalition.name}
        </Link>
      </nav>
      <h1>
        {meeting.title}{' '}
        <time className="meeting-heading__date" dateTime={meeting.date}>
          {formatMeetingDateFull(meeting.date)}
        </time>
      </h1>
    </div>
  )
}
