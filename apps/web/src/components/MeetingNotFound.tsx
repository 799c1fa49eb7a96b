import type { ReactNode } from 'react'
import { Link } from 'react-router'

/** `children`: more to say, such as what was deleted from this browser. */
export function MeetingNotFound({ children }: { children?: ReactNode }) {
  return (
    <div className="page page--narrow">
      <title>Meeting not found – Accord</title>
      <h1>Meeting not found</h1>
      <p>
        This meeting does not exist, or it belongs to a coalition you are not in. The link may be
        mistyped, or the meeting may have been removed.
      </p>
      {children}
      <p>
        <Link to="/">Back to your coalitions</Link>
      </p>
    </div>
  )
}
