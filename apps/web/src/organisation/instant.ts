// An instant (an ISO date-time) with its time, in the browser's own zone: when a link was made
// or an ask endorsed, where two on one day need telling apart.
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' })

/** "14 January 2025 at 10:32" (the joining word depends on the browser's locale data) */
export function formatInstant(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}
