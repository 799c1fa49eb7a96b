import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import type { LedgerAction } from '@accord/minutes/ledger'
import { Proposed } from '../ledger/Proposed.tsx'
import { useActionEditing } from './action-editing.ts'
import { ALL_MEMBERS } from './rows.ts'

interface OwnersPickerProps {
  action: LedgerAction
  /** The owners as shown: short names, or "All members". */
  label: string
  /** Read from the action's words, not set on it: shown "(proposed)"; saving them confirms. */
  proposed: boolean
}

/**
 * The owners, and for those who may change them a disclosure holding one checkbox per
 * organisation and one for all members (which stands alone: the server refuses ALL mixed with
 * organisations). The choice is saved with its button, not at each tick.
 */
export function OwnersPicker({ action, label, proposed }: OwnersPickerProps) {
  const { editable } = useActionEditing()
  const [open, setOpen] = useState(false)
  const summary = useRef<HTMLElement>(null)
  const shown = label ? <Proposed when={proposed}>{label}</Proposed> : 'No owner yet'

  if (!editable) return <span>{shown}</span>

  function close() {
    setOpen(false)
    summary.current?.focus()
  }

  function keyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.key === 'Escape' && open) {
      event.preventDefault()
      close()
    }
  }

  return (
    <details
      className="tracker-owners"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      onKeyDown={keyDown}
    >
      <summary ref={summary}>
        {shown}
        <span className="visually-hidden">: change the owners of “{action.text}”</span>
      </summary>
      {open && <OwnersForm action={action} onDone={close} />}
    </details>
  )
}

function OwnersForm({ action, onDone }: { action: LedgerAction; onDone: () => void }) {
  const { organisations, save } = useActionEditing()
  const [owners, setOwners] = useState<readonly string[]>(action.owners)
  const [saving, setSaving] = useState(false)
  const all = owners.includes('ALL')

  function toggle(id: string, checked: boolean) {
    if (id === 'ALL') setOwners(checked ? ['ALL'] : [])
    else
      setOwners((current) => [
        ...current.filter((o) => o !== 'ALL' && o !== id),
        ...(checked ? [id] : []),
      ])
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (saving) return
    setSaving(true)
    const saved = await save({ owners: [...owners] })
    setSaving(false)
    if (saved) onDone()
  }

  return (
    <form className="tracker-owners__form" onSubmit={(event) => void submit(event)}>
      <fieldset>
        <legend>
          Owners<span className="visually-hidden"> of “{action.text}”</span>
        </legend>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={all}
            onChange={(event) => toggle('ALL', event.target.checked)}
          />
          {ALL_MEMBERS}
        </label>
        {organisations.map((organisation) => (
          <label key={organisation.id} className="checkbox">
            <input
              type="checkbox"
              checked={owners.includes(organisation.id)}
              onChange={(event) => toggle(organisation.id, event.target.checked)}
            />
            {organisation.name} ({organisation.shortName})
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button--small">
          Save owners
        </button>
        <button type="button" className="button button--small button--secondary" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  )
}
