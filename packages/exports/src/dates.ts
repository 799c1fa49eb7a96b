// Dates as people read them in exports, e.g. "12 Dec 2026". Written out by hand rather than with
// Intl so every Node and browser prints the same thing (ICU abbreviates September differently).

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The parts of a YYYY-MM-DD date, or undefined when it is not one. */
export function isoDateParts(iso: string): [number, number, number] | undefined {
  const match = ISO_DATE.exec(iso)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day
    ? [year, month, day]
    : undefined
}

/** "12 Dec 2026"; anything that is not an ISO date is returned as given. */
export function formatDay(iso: string): string {
  const parts = isoDateParts(iso)
  if (!parts) return iso
  const [year, month, day] = parts
  return `${day} ${MONTHS[month - 1]} ${year}`
}
