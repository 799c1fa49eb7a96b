import { Link } from 'react-router'

export function MeetingNotFound() {
  return (
    <div className="page page--narrow">
      <title>Meeting not found – Accord</title>
      <h1>Meeting not found</h1>
      <p>
        This meeting does not exist. The link may be mistyped, or the meeting may have been removed.
      </p>
      <p>
        <Link to="/">Back to all meetings</Link>
      </p>
    </div>
  )
}
