import type { StructureAction } from '@accord/minutes/structure'
import { formatMeetingDate } from '../dates.ts'

/** The due date in en-GB, or the words as written, flagged when they could not be read as a date. */
export function DueDate({ action }: { action: StructureAction }) {
  if (action.due) {
    return <span>Due {formatMeetingDate(action.due)}</span>
  }
  if (action.dueText) {
    return (
      <span className="structure-flag">
        Due “{action.dueText}” <span className="structure-flag__note">(date not recognised)</span>
      </span>
    )
  }
  return null
}
