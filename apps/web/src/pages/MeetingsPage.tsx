import { errorMessage } from '../api.ts'
import { LoadError } from '../components/LoadError.tsx'
import { MeetingList } from '../components/MeetingList.tsx'
import { NewMeetingForm } from '../components/NewMeetingForm.tsx'
import { useMeetings } from '../meetings/use-meetings.ts'

export function MeetingsPage() {
  const { state, retry } = useMeetings()

  return (
    <div className="page page--narrow">
      <title>Meetings – Accord</title>
      <h1>Meetings</h1>

      <section className="card" aria-labelledby="new-meeting-heading">
        <h2 id="new-meeting-heading">New meeting</h2>
        <NewMeetingForm />
      </section>

      <section aria-labelledby="meeting-list-heading">
        <h2 id="meeting-list-heading">Meeting list</h2>
        {state.status === 'loading' && (
          <p className="muted" role="status">
            Loading…
          </p>
        )}
        {state.status === 'failed' && (
          <LoadError message={errorMessage(state.error)} onRetry={retry} />
        )}
        {state.status === 'ready' && <MeetingList meetings={state.value} />}
      </section>
    </div>
  )
}
