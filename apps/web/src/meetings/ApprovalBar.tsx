import type { Meeting, MinutesVersion } from '@accord/minutes/meeting'
import { useState } from 'react'
import { useAction } from '../api/use-action.ts'
import { formatVersionTime } from './approval-text.ts'
import { ConfirmDialog } from './ConfirmDialog.tsx'
import { approveMinutes, reopenMinutes } from './lifecycle-api.ts'

interface ApprovalBarProps {
  meeting: Meeting
  /** The approval the minutes stand under; null while a draft, or until versions load. */
  approval: MinutesVersion | null
  /** Chairs approve and reopen the minutes; everyone sees the status. */
  canApprove: boolean
  onChange: (meeting: Meeting) => void
}

/** Under the meeting's title: Draft or Approved (by whom, when), and the chair's button. */
export function ApprovalBar({ meeting, approval, canApprove, onChange }: ApprovalBarProps) {
  const approved = meeting.status === 'approved'
  // Fixed when the dialog opens: the status changes under it as soon as the server answers.
  const [confirming, setConfirming] = useState<'approve' | 'reopen' | null>(null)
  const { run, pending, error, setError } = useAction()

  async function confirm() {
    const change = confirming === 'reopen' ? reopenMinutes : approveMinutes
    const done = await run(async () => onChange(await change(meeting.id)))
    if (done) setConfirming(null)
  }

  return (
    <div className="approval-bar">
      <p className="approval-bar__status">
        <span className="visually-hidden">Minutes status: </span>
        <span
          className={`status-pill ${approved ? 'status-pill--ok' : 'status-pill--pending'}`}
          data-testid="minutes-status"
        >
          {approved ? 'Approved' : 'Draft'}
        </span>
        {approved && approval && (
          <span className="approval-bar__by">
            by {approval.personName} on{' '}
            <time dateTime={approval.at}>{formatVersionTime(approval.at)}</time>
          </span>
        )}
      </p>
      {canApprove && (
        // One button whose label changes: focus stays on it when the dialog closes.
        <button
          type="button"
          className={approved ? 'button button--secondary' : 'button'}
          onClick={() => {
            setError(null)
            setConfirming(approved ? 'reopen' : 'approve')
          }}
        >
          {approved ? 'Reopen minutes' : 'Approve minutes'}
        </button>
      )}
      {canApprove && (
        <ConfirmDialog
          open={confirming !== null}
          title={confirming === 'reopen' ? 'Reopen the minutes?' : 'Approve the minutes?'}
          confirmLabel={confirming === 'reopen' ? 'Reopen minutes' : 'Approve minutes'}
          pending={pending}
          error={error}
          onConfirm={() => void confirm()}
          onCancel={() => setConfirming(null)}
        >
          {confirming === 'reopen' ? (
            <p>
              Everyone who can edit will be able to change the minutes again. The approved version
              stays in the list of versions.
            </p>
          ) : (
            <p>
              The minutes as they stand now are recorded as the approved version, and nobody can
              edit them until a chair reopens them.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  )
}
