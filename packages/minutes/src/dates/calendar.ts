// Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so that no local time zone can move a day.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** The UTC midnight of an ISO date, or undefined when it is not a real calendar date. */
export function parseIsoDate(iso: string): Date | undefined {
  const match = ISO_DATE.exec(iso)
  if (!match) return undefined
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined
}

export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10)
}

export function isoFromParts(year: number, month: number, day: number): string {
  return toIsoDate(new Date(Date.UTC(year, month - 1, day)))
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86_400_000)
}

/** The last day of a month (1-12). */
export function lastDayOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month, 0))
}

/** The Friday of the Monday-to-Sunday week holding `date` (the date itself if that is later). */
export function fridayOfWeek(date: Date): Date {
  const weekday = (date.getUTCDay() + 6) % 7 // Monday 0 … Sunday 6
  const friday = addDays(date, 4 - weekday)
  return friday < date ? date : friday
}

/** A weekday (Monday 0 … Sunday 6) of the Monday-to-Sunday week holding `date`. */
export function weekdayOfWeek(date: Date, weekday: number): Date {
  return addDays(date, weekday - ((date.getUTCDay() + 6) % 7))
}

/** The first date on or after `from` that falls on day `day` of its month. */
export function nextDayOfMonth(from: Date, day: number): Date | undefined {
  if (day < 1 || day > 31) return undefined
  for (let offset = 0; offset < 12; offset++) {
    const year = from.getUTCFullYear()
    const month = from.getUTCMonth() + offset
    const candidate = new Date(Date.UTC(year, month, day))
    // Skip months too short for the day (31 April rolls over into May).
    if (candidate.getUTCDate() !== day) continue
    if (candidate >= from) return candidate
  }
  return undefined
}

/** The first occurrence of month/day on or after `from`. */
export function nextMonthDay(from: Date, month: number, day: number): Date {
  const thisYear = new Date(Date.UTC(from.getUTCFullYear(), month - 1, day))
  return thisYear >= from ? thisYear : new Date(Date.UTC(from.getUTCFullYear() + 1, month - 1, day))
}
