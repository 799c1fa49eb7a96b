import { ConfirmDialog } from '../meetings/ConfirmDialog.tsx'
import { UnsavedMeetings } from './UnsavedMeetings.tsx'
import { useSignOut } from './use-sign-out.ts'

export function SignOutButton() {
  const { step, unsaved, error, start, confirm, cancel } = useSignOut()
  const confirming = step === 'confirming' || (step === 'signing-out' && unsaved.length > 0)

  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={() => void start()}
        disabled={step !== 'idle'}
      >
        Sign out
      </button>
      {step === 'saving' && (
        <span className="account__status" role="status">
          Saving your changes before signing out…
        </span>
      )}
      {error && !confirming && (
        <span className="form-error account__error" role="alert">
          {error}
        </span>
      )}
      <ConfirmDialog
        open={confirming}
        title="Sign out and lose unsaved changes?"
        confirmLabel="Sign out and lose them"
        pending={step === 'signing-out'}
        error={confirming ? error : null}
        onConfirm={() => void confirm()}
        onCancel={cancel}
      >
        <UnsavedMeetings copies={unsaved} />
      </ConfirmDialog>
    </>
  )
}
