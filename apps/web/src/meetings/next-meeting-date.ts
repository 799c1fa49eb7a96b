/**
 * The date of the coalition's next meeting after `meeting`: the earliest of its other meetings
 * dated later (YYYY-MM-DD), or null when none is planned yet. "By the next meeting" in the
 * minutes resolves to it.
 */
export function nextMeetingDate(
  meeting: { id: string; date: string },
  meetings: readonly { id: string; date: string }[],
): string | null {
  let next: string | null = null
  for (const other of meetings) {
    if (other.id === meeting.id || other.date <= meeting.date) continue
    if (next === null || other.date < next) next = other.date
  }
  return next
}
