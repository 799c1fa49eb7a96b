import type { ActionPatch, LedgerOrganisation } from '@accord/minutes/ledger'
import { createContext, useContext } from 'react'

/** What a row's cells need to change their action; given by the row (see ActionRow.tsx). */
export interface ActionEditing {
  /** The person may change actions and the action's minutes are not all approved. */
  editable: boolean
  /** Sends the change; true once the server confirmed it and the row shows the answer. */
  save: (patch: ActionPatch) => Promise<boolean>
  organisations: readonly LedgerOrganisation[]
}

export const ActionEditingContext = createContext<ActionEditing | null>(null)

export function useActionEditing(): ActionEditing {
  const editing = useContext(ActionEditingContext)
  if (!editing) throw new Error('useActionEditing needs an ActionEditingContext provider')
  return editing
}
