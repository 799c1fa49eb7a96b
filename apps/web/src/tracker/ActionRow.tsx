import type { ActionPatch, LedgerAction, LedgerOrganisation } from '@accord/minutes/ledger'
import { FlexRender, type Row } from '@tanstack/react-table'
import { useMemo } from 'react'
import { patchAction } from '../api/ledger.ts'
import { useAction } from '../api/use-action.ts'
import { ActionEditingContext, type ActionEditing } from './action-editing.ts'
import type { features } from './columns.tsx'
import type { TrackerRow } from './rows.ts'

interface ActionRowProps {
  row: Row<typeof features, TrackerRow>
  coalitionId: string
  /** May change actions (editMinutes). */
  mayEdit: boolean
  organisations: readonly LedgerOrganisation[]
  columnCount: number
  /** The action as the server answered a change. */
  onSaved: (action: LedgerAction) => void
}

const APPROVED_HINT = 'Minutes approved – carry it into the next meeting to change it'

/** One action: its cells, and below them what went wrong with the last change, if anything. */
export function ActionRow({
  row,
  coalitionId,
  mayEdit,
  organisations,
  columnCount,
  onSaved,
}: ActionRowProps) {
  const { action, dueBucket } = row.original
  const { run, error } = useAction()

  const editing = useMemo<ActionEditing>(
    () => ({
      editable: mayEdit && action.editable,
      organisations,
      save: (patch: ActionPatch) =>
        run(async () => onSaved(await patchAction(coalitionId, action.key, patch))),
    }),
    [mayEdit, action.editable, action.key, organisations, run, coalitionId, onSaved],
  )

  return (
    <ActionEditingContext value={editing}>
      <tr className={dueBucket === 'overdue' ? 'tracker-row tracker-row--overdue' : 'tracker-row'}>
        {row.getAllCells().map((cell) => (
          <td key={cell.id} className={`tracker-cell tracker-cell--${cell.column.id}`}>
            <FlexRender cell={cell} />
            {cell.column.id === 'status' && mayEdit && !action.editable && (
              <p className="tracker-note muted">{APPROVED_HINT}</p>
            )}
          </td>
        ))}
      </tr>
      {error && (
        <tr className="tracker-row-error">
          <td colSpan={columnCount}>
            <p className="form-error" role="alert">
              Could not change “{action.text}”: {error}
            </p>
          </td>
        </tr>
      )}
    </ActionEditingContext>
  )
}
