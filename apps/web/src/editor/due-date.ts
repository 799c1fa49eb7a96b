import { resolveDue } from '@accord/minutes/dates'

export interface DueAttributes {
  due: string | null
  dueText: string | null
}

/**
 * What an action's due date becomes when someone types `text` in its chip: the words are kept
 * as typed; `due` is the date they mean, resolved against the meeting ("Friday" → the Friday
 * after it), or null when they do not read as a date, which the chip then flags.
 */
export function dueFromText(text: string, meetingDate: string): DueAttributes {
  const typed = text.trim()
  if (typed === '') return { due: null, dueText: null }
  return { due: resolveDue(typed, meetingDate).due, dueText: typed }
}

// Dates are calendar dates with no zone: formatted in UTC so the day never shifts.
const shortDate = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
})

/** "Fri 28 Mar" */
export function formatDue(due: string): string {
  const date = new Date(`${due}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? due : shortDate.format(date)
}
