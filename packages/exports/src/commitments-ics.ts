/**
 * An organisation's commitments as an iCalendar feed: one all-day event on the due date of each
 * action still to do (open or in progress). Done and dropped actions are left out on purpose: a
 * calendar is for what is coming, and a subscribed calendar drops them once they are finished.
 * Undated actions have no day to sit on and are left out too. UIDs are the action keys, so a
 * re-import or subscription updates the event instead of duplicating it.
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics'
import { isOutstanding } from '@accord/minutes/ledger'
import { linkOf, type CommitmentRow, type Commitments } from './commitments.ts'
import { formatDay, isoDateParts } from './dates.ts'

/** Calendar apps show about this much of a title; the full text is in the description. */
const SUMMARY_LENGTH = 100

export function commitmentsIcs(commitments: Commitments, options: { origin?: string } = {}) {
  const events = commitments.rows.flatMap((row) => {
    const day = row.due !== null && isOutstanding(row) ? isoDateParts(row.due) : undefined
    return day ? [eventOf(commitments, row, day, options.origin)] : []
  })
  const { error, value } = createEvents(events, {
    productId: '-//Accord//Commitments//EN',
    calName: `${commitments.organisation.name} commitments`,
  })
  if (error || value === null) throw new Error('Could not write the calendar', { cause: error })
  return value
}

/** `timestamp` (DTSTAMP) is not in ics' types but is in its schema; without it ics uses now. */
type Event = EventAttributes & { timestamp: number }

function eventOf(
  commitments: Commitments,
  row: CommitmentRow,
  [year, month, day]: [number, number, number],
  origin: string | undefined,
): Event {
  const next = new Date(Date.UTC(year, month - 1, day + 1))
  const end: DateArray = [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()]
  const url = linkOf(row, origin)
  const generated = isoDateParts(commitments.generatedOn)
  return {
    uid: `${row.key}@accord`,
    title: truncate(`${commitments.organisation.shortName}: ${oneLine(row.text)}`, SUMMARY_LENGTH),
    description: description(row, origin),
    start: [year, month, day],
    // All-day events end on the next day (DTEND is exclusive).
    end,
    transp: 'TRANSPARENT',
    // Deterministic output: stamped with the day the export was made for, not the clock.
    timestamp: generated ? Date.UTC(generated[0], generated[1] - 1, generated[2]) : 0,
    ...(origin ? { url } : {}),
  }
}

function description(row: CommitmentRow, origin?: string): string {
  const lines = [cleanText(row.text), '']
  if (row.status === 'in_progress') lines.push('In progress.')
  if (row.sharedWithAll) lines.push('Owed by every organisation.')
  else if (row.coOwners.length > 0) lines.push(`Shared with ${row.coOwners.join(', ')}.`)
  if (row.assignee) lines.push(`Assigned to ${row.assignee}.`)
  lines.push(`Minuted in ${row.heldIn.title}, ${formatDay(row.heldIn.date)}.`)
  if (row.sourceText.trim()) lines.push('', `“${cleanText(row.sourceText)}”`)
  if (origin) lines.push('', linkOf(row, origin))
  return lines.join('\n')
}

/** ics escapes LF only; a bare CR or other control character would break the line structure. */
function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')
}

function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim()
}

/** At a word boundary when there is one in the last fifth, with an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text]
  if (chars.length <= max) return text
  const cut = chars.slice(0, max - 1).join('')
  const space = cut.lastIndexOf(' ')
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`
}
