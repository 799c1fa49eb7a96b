import type { StructureAction } from '@accord/minutes/structure'
import { formatMeetingDate } from '../dates.ts'
import { Proposed } from '../ledger/Proposed.tsx'

/**
 * The due date in en-GB, or the words as written, flagged when they could not be read as a
 * date; "(proposed)" when it was read from the action's words and not yet confirmed.
 */
export function DueDate({ action }: { action: StructureAction }) {
  const { due, dueText, dueProposed } = action
  if (due) {
    return (
      <span>
        <Proposed when={dueProposed}>Due {formatMeetingDate(due)}</Proposed>
      </span>
    )
  }
  if (dueText) {
    return (
      <span className="structure-flag">
        <Proposed when={dueProposed}>
          Due “{dueText}” <span className="structure-flag__note">(date not recognised)</span>
        </Proposed>
      </span>
    )
  }
  return null
}
