import { startTransition, useOptimistic, useState, type KeyboardEvent } from 'react'
import type { LedgerAction } from '@accord/minutes/ledger'
import { useActionEditing } from './action-editing.ts'

interface DueDateInputProps {
  action: LedgerAction
  /** The date shown was read from the action's words: saving it, even unchanged, confirms it. */
  proposed?: boolean
  /** Id of the note saying so, read out with the field. */
  describedBy?: string
}

/**
 * The due date of an action the person may change. A date is saved when the person
 * leaves the field or presses Enter, not at every keystroke (typing a year passes through
 * 0002, 0020…); Escape puts the saved date back. A half-typed date is never saved.
 */
export function DueDateInput({ action, proposed = false, describedBy }: DueDateInputProps) {
  const { save } = useActionEditing()
  const [saved, setSaved] = useOptimistic(action.due)
  const [draft, setDraft] = useState<string | null>(null)

  function commit(input: HTMLInputElement) {
    setDraft(null)
    // badInput: some but not all of day, month and year are filled in.
    if (draft === null || input.validity.badInput) return
    const due = draft === '' ? null : draft
    if (due === action.due && !proposed) return
    startTransition(async () => {
      setSaved(due)
      await save({ due })
    })
  }

  function keyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault()
      commit(event.currentTarget)
    } else if (event.key === 'Escape') {
      setDraft(null)
    }
  }

  return (
    <input
      type="date"
      className="tracker-due"
      aria-label={`Due date of ${action.text}`}
      aria-describedby={describedBy}
      value={draft ?? saved ?? ''}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={(event) => commit(event.currentTarget)}
      onKeyDown={keyDown}
    />
  )
}
