import { lazy, Suspense, useCallback } from 'react'
import { Link, useParams } from 'react-router'
import { errorMessage, isApiError } from '../api/request.ts'
import { useApi } from '../api/use-api.ts'
import { LoadError } from '../components/LoadError.tsx'
import { LoadingMinutes } from '../components/LoadingMinutes.tsx'
import { MeetingNotFound } from '../components/MeetingNotFound.tsx'
import { formatMeetingDateFull } from '../dates.ts'
import { formatVersionTime } from './approval-text.ts'
import { getVersion } from './lifecycle-api.ts'
import { MinutesExports } from './MinutesExports.tsx'
import { useMeetingView } from './use-meetings.ts'
import './lifecycle.css'

// Tiptap is most of the client's weight; it loads with the minutes, as on the meeting page.
const ReadOnlyMinutes = lazy(() =>
  import('./ReadOnlyMinutes.tsx').then((module) => ({ default: module.ReadOnlyMinutes })),
)

/** /meetings/:id/versions/:versionId – one approved version of the minutes, read-only. */
export function MinutesVersionPage() {
  const { id = '', versionId = '' } = useParams()
  const meeting = useMeetingView(id)
  const loadVersion = useCallback(
    (signal: AbortSignal) => getVersion(id, versionId, signal),
    [id, versionId],
  )
  const version = useApi(loadVersion)

  const failed = [meeting.state, version.state].find((state) => state.status === 'failed')
  if (meeting.state.status === 'failed' && isApiError(meeting.state.error, 404)) {
    return <MeetingNotFound />
  }
  if (failed && isApiError(failed.error, 404)) {
    return (
      <div className="page page--narrow">
        <title>Version not found – Accord</title>
        <h1>Version not found</h1>
        <p>
          These minutes have no such version.{' '}
          <Link to={`/meetings/${id}`}>Back to the meeting</Link>
        </p>
      </div>
    )
  }
  if (failed) {
    return (
      <div className="page page--narrow">
        <h1>Could not open this version</h1>
        <LoadError
          message={errorMessage(failed.error)}
          onRetry={() => {
            meeting.retry()
            version.retry()
          }}
        />
      </div>
    )
  }
  if (meeting.state.status !== 'ready' || version.state.status !== 'ready') {
    return (
      <p className="page muted" role="status">
        Loading version…
      </p>
    )
  }

  const { meeting: shown, coalition, organisations } = meeting.state.value
  const { version: record, minutes } = version.state.value
  const when = formatVersionTime(record.at)
  return (
    <div className="page">
      <title>{`${shown.title} – approved version – Accord`}</title>
      <div className="meeting-heading">
        <nav aria-label="Breadcrumb">
          <Link to={`/c/${coalition.id}`} className="back-link">
            ← {coalition.name}
          </Link>{' '}
          /{' '}
          <Link to={`/meetings/${shown.id}`} className="back-link">
            {shown.title}
          </Link>
        </nav>
        <h1>
          {shown.title}: approved version{' '}
          <time className="meeting-heading__date" dateTime={shown.date}>
            {formatMeetingDateFull(shown.date)}
          </time>
        </h1>
      </div>
      <p className="notice notice--info" role="note">
        {record.kind === 'approved' ? 'Approved' : 'Reopened'} by {record.personName} on{' '}
        <time dateTime={record.at}>{when}</time>. This is the record as approved; it cannot be
        edited.
      </p>
      <MinutesExports
        meetingId={shown.id}
        versionId={record.id}
        description={`the minutes approved on ${when}`}
      />
      <Suspense fallback={<LoadingMinutes />}>
        <div className="version-minutes">
          <ReadOnlyMinutes
            meetingId={shown.id}
            content={minutes}
            organisations={organisations}
            meetingDate={shown.date}
          />
        </div>
      </Suspense>
    </div>
  )
}
