import type { CollaborationSession } from '../collaboration/session.ts'
import { useChangeTooLarge } from '../collaboration/use-change-too-large.ts'

export function ChangeTooLargeAlert({ session }: { session: CollaborationSession }) {
  if (!useChangeTooLarge(session.provider, session.saveStatus)) return null
  return (
    <p className="form-error" role="alert">
      A change made here is larger than the server accepts in one piece, so it and everything after
      it stay unsaved on this device. Copy what you need to keep, and ask whoever runs Accord to
      raise MAX_MESSAGE_BYTES.
    </p>
  )
}
