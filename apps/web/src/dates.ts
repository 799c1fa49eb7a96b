// Meeting dates are calendar dates (YYYY-MM-DD) with no time zone. Formatting them in UTC keeps
// the day a person picked, whatever the browser's zone; parsing in local time would shift it.
const longDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'UTC' })
const fullDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeZone: 'UTC' })

/** "14 January 2025" */
export function formatMeetingDate(date: string): string {
  return formatOr(longDate, new Date(`${date}T00:00:00Z`), date)
}

/** "Tuesday 14 January 2025" (the comma depends on the browser's locale data) */
export function formatMeetingDateFull(date: string): string {
  return formatOr(fullDate, new Date(`${date}T00:00:00Z`), date)
}

/** Intl throws on an invalid date; a value that is no date is shown as it came. */
function formatOr(format: Intl.DateTimeFormat, date: Date, raw: string): string {
  return Number.isNaN(date.getTime()) ? raw : format.format(date)
}

/** Today in the browser's own zone as YYYY-MM-DD, the value a date input expects. */
export function todayIsoDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

// Instants (ISO date-times such as an invite's expiry) are shown in the browser's own zone.
const localDate = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' })

/** "14 January 2025", the day an instant falls on where the person is. */
export function formatInstantDate(iso: string): string {
  return formatOr(localDate, new Date(iso), iso)
}
