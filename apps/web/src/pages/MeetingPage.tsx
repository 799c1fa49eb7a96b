import { can } from '@accord/coalition'
import { lazy, Suspense, useState } from 'react'
import { useParams } from 'react-router'
import { useSession, useSignedIn } from '../account/session.ts'
import { getMeeting } from '../api/meetings.ts'
import { errorMessage, isApiError } from '../api/request.ts'
import { loadCaretColour } from '../collaboration/caret-colour.ts'
import { LoadError } from '../components/LoadError.tsx'
import { LoadingMinutes } from '../components/LoadingMinutes.tsx'
import { MeetingHeading } from '../components/MeetingHeading.tsx'
import { AccessChangedAlert } from '../meetings/AccessChangedAlert.tsx'
import { ApprovalBar } from '../meetings/ApprovalBar.tsx'
import { currentApproval } from '../meetings/approval-text.ts'
import { ApprovedNotice } from '../meetings/ApprovedNotice.tsx'
import { Attendance } from '../meetings/Attendance.tsx'
import { MeetingUnavailable } from '../meetings/MeetingUnavailable.tsx'
import { MinutesRecord } from '../meetings/MinutesRecord.tsx'
import { ObserverNotice } from '../meetings/ObserverNotice.tsx'
import { useMeetingView, type MeetingView as View } from '../meetings/use-meetings.ts'
import { useMinutesLifecycle } from '../meetings/use-minutes-lifecycle.ts'

// The editor and Yjs are most of the client's weight; the other pages do not need them.
const MeetingWorkspace = lazy(() =>
  import('../components/MeetingWorkspace.tsx').then((module) => ({
    default: module.MeetingWorkspace,
  })),
)

export function MeetingPage() {
  const { id = '' } = useParams()
  // A new id is a new meeting: remounting resets every piece of state and session with it.
  return <MeetingRoute key={id} meetingId={id} />
}

function MeetingRoute({ meetingId }: { meetingId: string }) {
  const { state, retry, update } = useMeetingView(meetingId)
  // The sync server can still refuse the room after the API found it (e.g. deleted since).
  const [gone, setGone] = useState(false)

  if (gone || (state.status === 'failed' && isApiError(state.error, 404))) {
    return <MeetingUnavailable meetingId={meetingId} wasOpen={gone} />
  }
  if (state.status === 'loading') {
    return (
      <p className="page muted" role="status">
        Loading meeting…
      </p>
    )
  }
  if (state.status === 'failed') {
    return (
      <div className="page page--narrow">
        <h1>Could not open the meeting</h1>
        <LoadError message={errorMessage(state.error)} onRetry={retry} />
      </div>
    )
  }
  return (
    <Meeting
      view={state.value}
      onMeetingChange={(meeting) => update((view) => ({ ...view, meeting }))}
      onMeetingGone={() => setGone(true)}
    />
  )
}

interface MeetingProps {
  view: View
  onMeetingChange: (meeting: View['meeting']) => void
  onMeetingGone: () => void
}

function Meeting({ view, onMeetingChange, onMeetingGone }: MeetingProps) {
  const { meeting, coalition, organisations, membership } = view
  const { person } = useSignedIn()
  const { ended } = useSession()
  const [colour] = useState(loadCaretColour)
  const [accessChanged, setAccessChanged] = useState(false)
  const canEdit = can(membership.role, 'editMinutes')
  const canManage = can(membership.role, 'manageMeetings')
  const { versions, recheck } = useMinutesLifecycle(meeting, onMeetingChange)
  const approved = meeting.status === 'approved'
  const approval = versions.status === 'ready' ? currentApproval(versions.value) : null

  return (
    <div className="page">
      <title>{`${meeting.title} – Accord`}</title>
      <MeetingHeading meeting={meeting} coalition={coalition} />
      <ApprovalBar
        meeting={meeting}
        approval={approval}
        canApprove={can(membership.role, 'approveMinutes')}
        onChange={onMeetingChange}
      />
      {accessChanged && <AccessChangedAlert />}
      {approved ? <ApprovedNotice approval={approval} /> : !canEdit && <ObserverNotice />}
      <Attendance
        meeting={meeting}
        organisations={organisations}
        canManage={canManage}
        onSaved={onMeetingChange}
      />
      <Suspense fallback={<LoadingMinutes />}>
        <MeetingWorkspace
          meetingId={meeting.id}
          meetingTitle={meeting.title}
          personId={person.id}
          user={{ name: person.name, color: colour }}
          organisation={membership.organisation.shortName}
          organisations={organisations}
          askWriter={{ mayMoveAsks: canManage, organisationId: membership.organisation.id }}
          meetingDate={meeting.date}
          people={view.people}
          coalitionName={coalition.name}
          nextMeetingDate={view.nextMeetingDate}
          canEdit={canEdit}
          accessChanged={accessChanged}
          approved={approved}
          onEditsRefused={recheck}
          onNotFound={onMeetingGone}
          // The session context then sends the person to sign in, and back here afterwards.
          onUnauthenticated={ended}
          onForbidden={() => {
            setAccessChanged(true)
            // A changed role keeps the meeting; a removal hides it, and its local copy goes.
            void stillShown(meeting.id).then((shown) => {
              if (!shown) onMeetingGone()
            })
          }}
        />
      </Suspense>
      <MinutesRecord meeting={meeting} versions={versions} canManage={canManage} />
    </div>
  )
}

/** Whether the server still shows this person the meeting; a failure to ask counts as yes. */
async function stillShown(meetingId: string): Promise<boolean> {
  try {
    await getMeeting(meetingId)
    return true
  } catch (error) {
    return !isApiError(error, 404)
  }
}
