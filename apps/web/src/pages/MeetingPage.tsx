import { can } from '@accord/coalition'
import { lazy, Suspense, useState } from 'react'
import { useParams } from 'react-router'
import { useSession, useSignedIn } from '../account/session.ts'
import { errorMessage, isApiError } from '../api/request.ts'
import { loadCaretColour } from '../collaboration/caret-colour.ts'
import { LoadError } from '../components/LoadError.tsx'
import { LoadingMinutes } from '../components/LoadingMinutes.tsx'
import { MeetingHeading } from '../components/MeetingHeading.tsx'
import { MeetingNotFound } from '../components/MeetingNotFound.tsx'
import { AccessChangedAlert } from '../meetings/AccessChangedAlert.tsx'
import { Attendance } from '../meetings/Attendance.tsx'
import { ObserverNotice } from '../meetings/ObserverNotice.tsx'
import { useMeetingView, type MeetingView as View } from '../meetings/use-meetings.ts'

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
    return <MeetingNotFound />
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

  return (
    <div className="page">
      <title>{`${meeting.title} – Accord`}</title>
      <MeetingHeading meeting={meeting} coalition={coalition} />
      {accessChanged && <AccessChangedAlert />}
      {!canEdit && <ObserverNotice />}
      <Attendance
        meeting={meeting}
        organisations={organisations}
        canManage={can(membership.role, 'manageMeetings')}
        onSaved={onMeetingChange}
      />
      <Suspense fallback={<LoadingMinutes />}>
        <MeetingWorkspace
          meetingId={meeting.id}
          personId={person.id}
          user={{ name: person.name, color: colour }}
          organisation={membership.organisation.shortName}
          organisations={organisations}
          meetingDate={meeting.date}
          people={view.people}
          canEdit={canEdit}
          accessChanged={accessChanged}
          onNotFound={onMeetingGone}
          // The session context then sends the person to sign in, and back here afterwards.
          onUnauthenticated={ended}
          onForbidden={() => setAccessChanged(true)}
        />
      </Suspense>
    </div>
  )
}
