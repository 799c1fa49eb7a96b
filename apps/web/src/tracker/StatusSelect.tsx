import { startTransition, useOptimistic } from 'react'
import type { LedgerAction } from '@accord/minutes/ledger'
import { useActionEditing } from './action-editing.ts'
import { ACTION_STATUSES, STATUS_LABELS, type ActionStatus } from './status.ts'

/**
 * The action's status: a native select for those who may change it, so arrow keys change it
 * from the keyboard alone. Each change is saved at once; the select shows it while it is on its
 * way and never disables, which would drop a keyboard user's focus.
 */
export function StatusSelect({ action }: { action: LedgerAction }) {
  const { editable, save } = useActionEditing()
  const [shown, setShown] = useOptimistic(action.status)

  if (!editable) return <StatusText status={action.status} />

  const change = (status: ActionStatus) =>
    startTransition(async () => {
      setShown(status)
      await save({ status })
    })

  return (
    <select
      className="tracker-status"
      aria-label={`Status of ${action.text}`}
      value={shown}
      onChange={(event) => change(event.target.value as ActionStatus)}
    >
      {ACTION_STATUSES.map((status) => (
        <option key={status} value={status}>
          {STATUS_LABELS[status]}
        </option>
      ))}
    </select>
  )
}

export function StatusText({ status }: { status: ActionStatus }) {
  return (
    <span className={`tracker-status-text tracker-status-text--${status}`}>
      {STATUS_LABELS[status]}
    </span>
  )
}
