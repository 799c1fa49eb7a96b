import type { StructureAction } from '@accord/minutes/structure'
import { formatMeetingDate } from '../dates.ts'

/**
 * The due date in en-GB, or the words as written, flagged when they could not be read as a
 * date; "(proposed)" when it was read from the action's words and not yet confirmed.
 */
export function DueDate({ action }: { action: StructureAction }) {
  const proposed = action.dueProposed ? <span className="proposed__note"> (proposed)</span> : null
  if (action.due) {
    return (
      <span className={action.dueProposed ? 'proposed' : undefined}>
        Due {formatMeetingDate(action.due)}
        {proposed}
      </span>
    )
  }
  if (action.dueText) {
    return (
      <span className="structure-flag">
        Due “{action.dueText}” <span className="structure-flag__note">(date not recognised)</span>
        {proposed}
      </span>
    )
  }
  return null
}
