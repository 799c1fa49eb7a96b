import type { CollaborationSession } from '../collaboration/session.ts'
import { useUnstorableChange } from '../collaboration/use-unstorable-change.ts'

export function UnstorableChangeAlert({ session }: { session: CollaborationSession }) {
  const unstorable = useUnstorableChange(session.provider, session.saveStatus)
  if (!unstorable) return null
  return (
    <p className="form-error" role="alert">
      {unstorable.kind === 'too-large' ? (
        <>
          A change made here is larger than the server accepts in one piece, so it and everything
          after it stay unsaved on this device. Copy what you need to keep, and ask whoever runs
          Accord to raise MAX_MESSAGE_BYTES.
        </>
      ) : (
        <>
          The server refused a change made here ({unstorable.reason}), so it and everything after it
          stay unsaved on this device. Reload the page: an out-of-date editor is the usual cause. If
          this message comes back, copy what you need to keep and tell whoever runs Accord.
        </>
      )}
    </p>
  )
}
