import { isOverdue, type LedgerAction } from '@accord/minutes/ledger'

/**
 * Where an action's due date falls, seen from `today` (YYYY-MM-DD, the client's own date, handed
 * in so the rules can be tested on any day). Dates are calendar dates with no zone, so every
 * computation here is done on UTC midnights, which never shift a day.
 *
 * - `overdue`: still to be done and due before today;
 * - `this-week`: due from today up to and including Sunday of today's week (Monday to Sunday);
 * - `none`: no date given;
 * - `other`: anything else – later, or past but finished.
 */
export type DueBucket = 'overdue' | 'this-week' | 'none' | 'other'

export function dueBucket(action: Pick<LedgerAction, 'status' | 'due'>, today: string): DueBucket {
  if (action.due === null) return 'none'
  if (isOverdue(action, today)) return 'overdue'
  if (action.due >= today && action.due <= endOfWeek(today)) return 'this-week'
  return 'other'
}

/** The Sunday ending the Monday-to-Sunday week that holds `day`, as YYYY-MM-DD. */
export function endOfWeek(day: string): string {
  const date = new Date(`${day}T00:00:00Z`)
  // getUTCDay: Sunday 0 … Saturday 6.
  date.setUTCDate(date.getUTCDate() + ((7 - date.getUTCDay()) % 7))
  return date.toISOString().slice(0, 10)
}

const dueFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})

/** "7 Mar 2025", or "no date". */
export function formatDue(due: string | null): string {
  if (due === null) return 'no date'
  const date = new Date(`${due}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? due : dueFormat.format(date)
}
