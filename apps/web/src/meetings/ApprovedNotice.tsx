import type { MinutesVersion } from '@accord/minutes/meeting'
import { formatVersionTime } from './approval-text.ts'

/** Shown while the minutes stand approved; a live region, as it can appear while one types. */
export function ApprovedNotice({ approval }: { approval: MinutesVersion | null }) {
  return (
    <p className="notice notice--info" role="status">
      {approval ? (
        <>
          These minutes were approved by {approval.personName} on{' '}
          <time dateTime={approval.at}>{formatVersionTime(approval.at)}</time>; they are read-only.
        </>
      ) : (
        'These minutes were approved; they are read-only.'
      )}
    </p>
  )
}
