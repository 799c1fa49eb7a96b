import type { MinutesVersion } from '@accord/minutes/meeting'
import { Link } from 'react-router'
import type { Loaded } from '../api/use-api.ts'
import { errorMessage } from '../api/request.ts'
import { formatVersionTime } from './approval-text.ts'

const KIND_TEXT: Record<MinutesVersion['kind'], string> = {
  approved: 'Approved',
  reopened: 'Reopened',
}

/** Every approval and reopening, oldest first; each approved version can be opened. */
export function VersionsList({
  meetingId,
  versions,
}: {
  meetingId: string
  versions: Loaded<MinutesVersion[]>
}) {
  if (versions.status === 'loading') {
    return (
      <p className="muted" role="status">
        Loading versions…
      </p>
    )
  }
  if (versions.status === 'failed') {
    return <p className="form-error">{errorMessage(versions.error)}</p>
  }
  if (versions.value.length === 0) {
    return <p className="muted">The minutes have not been approved yet.</p>
  }
  const oldestFirst = [...versions.value].sort((a, b) => a.at.localeCompare(b.at))
  return (
    <ol className="versions">
      {oldestFirst.map((version) => {
        const when = formatVersionTime(version.at)
        return (
          <li key={version.id} className="versions__item">
            <span>
              {KIND_TEXT[version.kind]} by {version.personName},{' '}
              <time dateTime={version.at}>{when}</time>
            </span>
            {version.kind === 'approved' && (
              <Link
                to={`/meetings/${meetingId}/versions/${version.id}`}
                aria-label={`View the minutes approved on ${when}`}
              >
                View
              </Link>
            )}
          </li>
        )
      })}
    </ol>
  )
}
