import type { Organisation } from '@accord/coalition'
import type { Meeting } from '@accord/minutes/meeting'
import { FormError } from '../components/FormError.tsx'
import { useAttendance, type AttendanceStatus } from './use-attendance.ts'

interface AttendanceEditorProps {
  meeting: Meeting
  organisations: Organisation[]
  onSaved: (meeting: Meeting) => void
}

const statusText: Record<AttendanceStatus, string> = {
  idle: '',
  saving: 'Saving attendance…',
  saved: 'Attendance saved',
  failed: '',
}

/** For those who manage meetings: tick the organisations that attended; each tick saves. */
export function AttendanceEditor({ meeting, organisations, onSaved }: AttendanceEditorProps) {
  const { ticked, toggle, status, error } = useAttendance(meeting, onSaved)
  return (
    <fieldset className="attendance">
      <legend>Attendance</legend>
      <div className="attendance__options">
        {organisations.map((organisation) => {
          const id = `attendance-${organisation.id}`
          return (
            <div key={organisation.id} className="checkbox">
              <input
                id={id}
                type="checkbox"
                checked={ticked.includes(organisation.id)}
                onChange={(event) => toggle(organisation.id, event.target.checked)}
              />
              <label htmlFor={id}>{organisation.name}</label>
            </div>
          )
        })}
      </div>
      <p className="attendance__status muted" role="status">
        {statusText[status]}
      </p>
      <FormError message={error} />
    </fieldset>
  )
}
