import { lazy, Suspense, useState } from 'react'
import { useParams } from 'react-router'
import { ApiError, errorMessage } from '../api.ts'
import { LoadError } from '../components/LoadError.tsx'
import { LoadingMinutes } from '../components/LoadingMinutes.tsx'
import { MeetingHeading } from '../components/MeetingHeading.tsx'
import { MeetingNotFound } from '../components/MeetingNotFound.tsx'
import { NameForm } from '../identity/NameForm.tsx'
import { useIdentity } from '../identity/use-identity.ts'
import { useMeeting } from '../meetings/use-meetings.ts'

// The editor and Yjs are most of the client's weight; the meetings list does not need them.
const MeetingWorkspace = lazy(() =>
  import('../components/MeetingWorkspace.tsx').then((module) => ({
    default: module.MeetingWorkspace,
  })),
)

export function MeetingPage() {
  const { id = '' } = useParams()
  // A new id is a new meeting: remounting resets every piece of state and session with it.
  return <MeetingView key={id} meetingId={id} />
}

function MeetingView({ meetingId }: { meetingId: string }) {
  const { state, retry } = useMeeting(meetingId)
  const [identity, setName] = useIdentity()
  // The sync server can still refuse the room after the API found it (e.g. deleted since).
  const [gone, setGone] = useState(false)

  if (gone || (state.status === 'failed' && isNotFound(state.error))) return <MeetingNotFound />
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

  const meeting = state.value
  return (
    <div className="page">
      <title>{`${meeting.title} – Accord`}</title>
      <MeetingHeading meeting={meeting} />
      {identity.name ? (
        <Suspense fallback={<LoadingMinutes />}>
          <MeetingWorkspace
            meetingId={meeting.id}
            identity={identity}
            onRename={setName}
            onMeetingGone={() => setGone(true)}
          />
        </Suspense>
      ) : (
        <section className="card card--narrow" aria-labelledby="name-heading">
          <h2 id="name-heading">Before you start</h2>
          <p>Everyone in this meeting will see your name next to what you write.</p>
          <NameForm onSubmit={setName} />
        </section>
      )}
    </div>
  )
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && error.status === 404
}
