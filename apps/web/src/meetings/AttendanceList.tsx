import type { Organisation } from '@accord/coalition'
import type { Meeting } from '@accord/minutes/meeting'

interface AttendanceListProps {
  meeting: Meeting
  organisations: Organisation[]
}

/** The organisations that attended, for those who may not change the list. */
export function AttendanceList({ meeting, organisations }: AttendanceListProps) {
  const present = organisations.filter(({ id }) => meeting.attendance.includes(id))
  return (
    <section className="attendance" aria-labelledby="attendance-heading">
      <h2 id="attendance-heading" className="attendance__heading">
        Attendance
      </h2>
      {present.length === 0 ? (
        <p className="muted attendance__empty">No attendance recorded yet.</p>
      ) : (
        <ul className="attendance__list">
          {present.map((organisation) => (
            <li key={organisation.id}>
              {organisation.name} <span className="muted">({organisation.shortName})</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
