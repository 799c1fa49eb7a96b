import type { MinutesVersion } from '@accord/minutes/meeting'

// Instants are shown in the person's own zone; several approvals can fall on one day.
const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' })

/** "14 January 2025 at 10:32" (the joining word depends on the browser's locale data) */
export function formatVersionTime(iso: string): string {
  const date = new Date(iso)
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date)
}

/** The approval the minutes stand under: the latest version, if it is an approval. */
export function currentApproval(versions: readonly MinutesVersion[]): MinutesVersion | null {
  const latest = versions.reduce<MinutesVersion | null>(
    (last, version) => (last === null || version.at >= last.at ? version : last),
    null,
  )
  return latest?.kind === 'approved' ? latest : null
}
