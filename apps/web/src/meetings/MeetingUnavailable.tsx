import { Link } from 'react-router'
import { useDeleteLocalCopy } from '../collaboration/use-delete-local-copy.ts'
import { MeetingNotFound } from '../components/MeetingNotFound.tsx'

/**
 * A meeting the server no longer shows this person: the link was wrong, the meeting is gone, or
 * their access to it was removed (`wasOpen`: while they had it open). Its copy on this browser
 * is deleted, and they are told, with whether edits that never reached the server went with it.
 */
export function MeetingUnavailable({
  meetingId,
  wasOpen,
}: {
  meetingId: string
  wasOpen: boolean
}) {
  const deleted = useDeleteLocalCopy(meetingId)
  const copyNote = deleted?.existed ? (
    <p role="status">
      The copy of its minutes kept on this browser has been deleted.
      {deleted.unsaved && ' Changes you made that had not reached the server could not be kept.'}
    </p>
  ) : null
  if (!wasOpen) return <MeetingNotFound>{copyNote}</MeetingNotFound>
  return (
    <div className="page page--narrow">
      <title>No access to this meeting – Accord</title>
      <h1>You no longer have access to this meeting</h1>
      <p>You were removed from its coalition, or the meeting is no longer there.</p>
      {copyNote}
      <p>
        <Link to="/">Back to your coalitions</Link>
      </p>
    </div>
  )
}
