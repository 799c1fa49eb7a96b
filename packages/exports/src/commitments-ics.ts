/**
 * An organisation's commitments as an iCalendar feed: one all-day event on the due date of each
 * action still to do (open or in progress). Done and dropped actions are left out on purpose: a
 * calendar is for what is coming, and a subscribed calendar drops them once they are finished.
 * Undated actions have no day to sit on and are left out too. UIDs are the action keys, so a
 * re-import or subscription updates the event instead of duplicating it.
 *
 * A date read from the action's words, not set on it, still gets its event – people want to see
 * what may be coming – but never reads as firm: the title says "(proposed date)" right after the
 * organisation, where even a month view's few characters and a shortened title keep it, the
 * description says which words it was read from, and STATUS is TENTATIVE (CONFIRMED for a set
 * date, said outright so an update after confirming replaces TENTATIVE in every client).
 */
import { createEvents, type DateArray, type EventAttributes } from 'ics'
import { isOutstanding } from '@accord/minutes/ledger'
import { linkOf, ownersLabel, type CommitmentRow, type Commitments } from './commitments.ts'
import { formatDay, isoDateParts } from './dates.ts'
import { markProposed, proposed } from './proposed.ts'

/** Calendar apps show about this much of a title; the full text is in the description. */
const SUMMARY_LENGTH = 100

/** In the title of an event whose date is only proposed. */
const PROPOSED_DATE = '(proposed date)'

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
    title: truncate(
      [
        `${commitments.organisation.shortName}:`,
        row.dueProposed && PROPOSED_DATE,
        oneLine(row.text),
      ]
        .filter(Boolean)
        .join(' '),
      SUMMARY_LENGTH,
    ),
    description: description(commitments, row, origin),
    status: row.dueProposed ? 'TENTATIVE' : 'CONFIRMED',
    start: [year, month, day],
    // All-day events end on the next day (DTEND is exclusive).
    end,
    transp: 'TRANSPARENT',
    // Deterministic output: stamped with the day the export was made for, not the clock.
    timestamp: generated ? Date.UTC(generated[0], generated[1] - 1, generated[2]) : 0,
    ...(origin ? { url } : {}),
  }
}

function description(commitments: Commitments, row: CommitmentRow, origin?: string): string {
  const lines = [cleanText(row.text), '']
  if (row.dueProposed) lines.push(proposedDate(row))
  if (row.status === 'in_progress') lines.push('In progress.')
  if (row.ownersProposed) lines.push(`${proposed(`Owners: ${ownersLabel(commitments, row)}`)}.`)
  else if (row.sharedWithAll) lines.push('Owed by every organisation.')
  else if (row.coOwners.length > 0) lines.push(`Shared with ${row.coOwners.join(', ')}.`)
  if (row.assignee)
    lines.push(`${markProposed(`Assigned to ${row.assignee}`, row.ownersProposed)}.`)
  lines.push(`Minuted in ${row.heldIn.title}, ${formatDay(row.heldIn.date)}.`)
  if (row.sourceText.trim()) lines.push('', `“${cleanText(row.sourceText)}”`)
  if (origin) lines.push('', linkOf(row, origin))
  return lines.join('\n')
}

/** Why the date is not firm, with the words it was read from when there are some. */
function proposedDate(row: CommitmentRow): string {
  const words = row.dueText ? ` (“${oneLine(row.dueText)}”)` : ''
  return `Proposed date: read from the action's words${words}, not yet confirmed.`
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
