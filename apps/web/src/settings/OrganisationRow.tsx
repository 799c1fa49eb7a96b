import type { Organisation, OrganisationPatch } from '@accord/coalition'
import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { formatAliases, parseAliases } from './aliases.ts'

interface OrganisationRowProps {
  organisation: Organisation
  canManage: boolean
  pending: boolean
  /** Resolve true once saved, false when the server refused (the section shows why). */
  onSave: (patch: OrganisationPatch) => Promise<boolean>
  onRemove: () => void
  /** Editing was abandoned: an error about it no longer applies. */
  onCancel: () => void
}

/** One organisation; managers can edit it in place or remove it. */
export function OrganisationRow({
  organisation,
  canManage,
  pending,
  onSave,
  onRemove,
  onCancel,
}: OrganisationRowProps) {
  const [draft, setDraft] = useState<{ name: string; shortName: string; aliases: string } | null>(
    null,
  )
  // Leaving edit mode removes the focused input; focus goes back to the row's Edit button.
  const editButton = useRef<HTMLButtonElement>(null)
  const wasEditing = useRef(false)
  useEffect(() => {
    if (draft) wasEditing.current = true
    else if (wasEditing.current) {
      wasEditing.current = false
      editButton.current?.focus()
    }
  }, [draft])

  if (!draft) {
    return (
      <tr>
        <th scope="row">{organisation.name}</th>
        <td>{organisation.shortName}</td>
        <td>{formatAliases(organisation.aliases) || <span className="muted">None</span>}</td>
        {canManage && (
          <td className="data-table__actions">
            <button
              ref={editButton}
              type="button"
              className="button button--small button--secondary"
              onClick={() =>
                setDraft({
                  name: organisation.name,
                  shortName: organisation.shortName,
                  aliases: formatAliases(organisation.aliases),
                })
              }
            >
              Edit
            </button>
            <button
              type="button"
              className="button button--small button--danger"
              disabled={pending}
              onClick={onRemove}
            >
              Remove
            </button>
          </td>
        )}
      </tr>
    )
  }

  function cancel() {
    setDraft(null)
    onCancel()
  }

  async function save() {
    if (!draft) return
    const saved = await onSave({
      name: draft.name,
      shortName: draft.shortName,
      aliases: parseAliases(draft.aliases),
    })
    if (saved) setDraft(null)
  }

  // No <form> can sit inside a table row, so Enter and Escape are wired by hand.
  function onKeyDown(event: KeyboardEvent<HTMLTableRowElement>) {
    if (!(event.target instanceof HTMLInputElement)) return
    if (event.key === 'Enter') {
      event.preventDefault()
      void save()
    } else if (event.key === 'Escape') {
      cancel()
    }
  }

  const of = organisation.name
  return (
    <tr onKeyDown={onKeyDown}>
      <th scope="row">
        <input
          type="text"
          aria-label={`New name for ${of}`}
          value={draft.name}
          onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          autoFocus
        />
      </th>
      <td>
        <input
          type="text"
          className="input--short"
          aria-label={`New short name for ${of}`}
          value={draft.shortName}
          onChange={(event) => setDraft({ ...draft, shortName: event.target.value })}
        />
      </td>
      <td>
        <input
          type="text"
          aria-label={`New aliases for ${of}`}
          value={draft.aliases}
          onChange={(event) => setDraft({ ...draft, aliases: event.target.value })}
        />
      </td>
      <td className="data-table__actions">
        <button
          type="button"
          className="button button--small"
          disabled={pending}
          onClick={() => void save()}
        >
          Save
        </button>
        <button type="button" className="button button--small button--secondary" onClick={cancel}>
          Cancel
        </button>
      </td>
    </tr>
  )
}
