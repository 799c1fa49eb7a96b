import type { Meeting, MinutesVersion } from '@accord/minutes/meeting'
import type { Loaded } from '../api/use-api.ts'
import { formatMeetingDate } from '../dates.ts'
import { MinutesExports } from './MinutesExports.tsx'
import { StartNextMeeting } from './StartNextMeeting.tsx'
import { VersionsList } from './VersionsList.tsx'
import './lifecycle.css'

interface MinutesRecordProps {
  meeting: Meeting
  versions: Loaded<MinutesVersion[]>
  /** Those who manage meetings start the next one. */
  canManage: boolean
}

/** Below the minutes: take them away as files, their approved versions, the next meeting. */
export function MinutesRecord({ meeting, versions, canManage }: MinutesRecordProps) {
  return (
    <div className="minutes-record">
      <section aria-labelledby="minutes-export-heading" className="minutes-record__section">
        <h2 id="minutes-export-heading">Export the minutes</h2>
        <MinutesExports
          meetingId={meeting.id}
          description={`the minutes of ${meeting.title}, ${formatMeetingDate(meeting.date)}`}
        />
      </section>
      <section aria-labelledby="minutes-versions-heading" className="minutes-record__section">
        <h2 id="minutes-versions-heading">Versions</h2>
        <VersionsList meetingId={meeting.id} versions={versions} />
      </section>
      {canManage && (
        <section aria-labelledby="next-meeting-heading" className="minutes-record__section">
          <h2 id="next-meeting-heading">Start the next meeting</h2>
          <p className="muted">
            It starts with this meeting's agenda and, under “Matters arising”, every action the
            coalition still has open.
          </p>
          <StartNextMeeting meeting={meeting} />
        </section>
      )}
    </div>
  )
}
