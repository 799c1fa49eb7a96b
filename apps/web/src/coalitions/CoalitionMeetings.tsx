import { errorMessage } from '../api/request.ts'
import { LoadError } from '../components/LoadError.tsx'
import { MeetingList } from '../components/MeetingList.tsx'
import { useMeetings } from '../meetings/use-meetings.ts'

export function CoalitionMeetings({
  coalitionId,
  canCreate,
}: {
  coalitionId: string
  canCreate: boolean
}) {
  const { state, retry } = useMeetings(coalitionId)
  return (
    <section aria-labelledby="meeting-list-heading">
      <h2 id="meeting-list-heading">Meetings</h2>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {state.status === 'failed' && (
        <LoadError message={errorMessage(state.error)} onRetry={retry} />
      )}
      {state.status === 'ready' && <MeetingList meetings={state.value} canCreate={canCreate} />}
    </section>
  )
}
