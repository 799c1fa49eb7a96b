import type { Ledger, LedgerAsk, LedgerMeeting } from '@accord/minutes/ledger'

export type AskStatus = LedgerAsk['status']

/** The order an ask moves in: proposed in a meeting, agreed by the coalition, sent. */
export const ASK_STATUSES: readonly AskStatus[] = ['proposed', 'agreed', 'sent']

export const ASK_STATUS_LABELS: Record<AskStatus, string> = {
  proposed: 'Proposed',
  agreed: 'Agreed',
  sent: 'Sent',
}

export interface AskGroup {
  status: AskStatus
  heading: string
  asks: LedgerAsk[]
}

/**
 * Every ask by status, in the order asks move (empty groups included, so the board keeps its
 * shape). Within a group the newest meeting comes first, and one meeting's asks keep the order
 * the minutes give them.
 */
export function groupAsks(
  asks: readonly LedgerAsk[],
  meetings: readonly LedgerMeeting[],
): AskGroup[] {
  const dates = new Map(meetings.map((meeting) => [meeting.id, meeting.date]))
  const newestFirst = [...asks].sort((a, b) => {
    const dateA = dates.get(a.meetingId) ?? ''
    const dateB = dates.get(b.meetingId) ?? ''
    return dateA === dateB ? 0 : dateA < dateB ? 1 : -1
  })
  return ASK_STATUSES.map((status) => ({
    status,
    heading: ASK_STATUS_LABELS[status],
    asks: newestFirst.filter((ask) => ask.status === status),
  }))
}

/**
 * Who a joint letter can go to: the targets of asks the coalition has agreed (or already sent),
 * each once, alphabetically. Proposed asks are not the coalition's word yet. The server picks a
 * letter's asks by target ignoring case and surrounding spaces, so that is what "once" means;
 * the first spelling met is the one shown.
 */
export function letterTargets(asks: readonly LedgerAsk[]): string[] {
  const targets = new Map<string, string>()
  for (const ask of asks) {
    const target = ask.target?.trim()
    if (!target || ask.status === 'proposed') continue
    const same = target.toLowerCase()
    if (!targets.has(same)) targets.set(same, target)
  }
  return [...targets.values()].sort((a, b) => a.localeCompare(b, 'en-GB'))
}

/** The ledger with one ask replaced by the server's answer after a change. */
export function withAsk(ledger: Ledger, changed: LedgerAsk): Ledger {
  return { ...ledger, asks: ledger.asks.map((ask) => (ask.key === changed.key ? changed : ask)) }
}
