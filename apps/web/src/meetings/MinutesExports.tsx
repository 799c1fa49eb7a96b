import { DownloadButton } from '../downloads/DownloadButton.tsx'
import { exportPath } from './lifecycle-api.ts'

/** The minutes as files: the live draft, or with `versionId` one approved version. */
export function MinutesExports({
  meetingId,
  versionId,
  description,
}: {
  meetingId: string
  versionId?: string
  /** Read with each button, e.g. "the minutes approved on 4 March 2025". */
  description: string
}) {
  return (
    <div className="button-row minutes-exports">
      <DownloadButton
        path={exportPath(meetingId, 'docx', versionId)}
        label="Word (.docx)"
        description={description}
      />
      <DownloadButton
        path={exportPath(meetingId, 'md', versionId)}
        label="Markdown (.md)"
        description={description}
      />
      <a
        className="button button--secondary"
        href={exportPath(meetingId, 'html', versionId)}
        target="_blank"
        rel="noopener"
        aria-description={description}
      >
        Print view<span className="visually-hidden"> (opens in a new tab)</span>
      </a>
    </div>
  )
}
