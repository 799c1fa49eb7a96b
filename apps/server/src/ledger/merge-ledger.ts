/**
 * The coalition's ledger from what storage holds: pure, so the merge rules are tested without a
 * database. An item carried into a later meeting keeps its key, so every meeting's copy of it is
 * one entry; the copy changed last is the one shown (on a tie, the later meeting's).
 */
import type {
  Endorsement,
  Ledger,
  LedgerAction,
  LedgerAsk,
  LedgerDecision,
  LedgerMeeting,
  LedgerOrganisation,
  LedgerPerson,
} from '@accord/minutes/ledger'
import type { CoalitionItems, Stored } from '../projection/projection-store.ts'
import type { EndorsementRecord } from '../asks/endorsement-store.ts'

export interface LedgerSources {
  coalition: { id: string; name: string }
  organisations: readonly LedgerOrganisation[]
  people: readonly LedgerPerson[]
  /** In any order; the ledger lists them oldest first. */
  meetings: readonly (LedgerMeeting & { createdAt?: string })[]
  items: CoalitionItems
  endorsements: readonly (EndorsementRecord & { personName: string })[]
}

/** Every copy of one key, across the meetings holding it. */
interface Copies<T> {
  current: Stored<T>
  /** Meeting ids, oldest first. */
  meetingIds: string[]
}

/** The ledger, and which meetings hold each ask (the ledger names only the current copy's). */
export interface MergedLedger {
  ledger: Ledger
  /** Ask key → ids of the meetings holding it, oldest first. */
  askMeetings: ReadonlyMap<string, readonly string[]>
}

export function mergeLedger(sources: LedgerSources): Ledger {
  return mergeLedgerSources(sources).ledger
}

export function mergeLedgerSources(sources: LedgerSources): MergedLedger {
  const meetings = [...sources.meetings]
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || (a.createdAt ?? '').localeCompare(b.createdAt ?? ''),
    )
    .map(({ id, title, date, status }) => ({ id, title, date, status }))
  const order = new Map(meetings.map((meeting, index) => [meeting.id, index]))
  const drafts = new Set(meetings.filter((m) => m.status === 'draft').map((m) => m.id))
  const editable = (meetingIds: readonly string[]) => meetingIds.some((id) => drafts.has(id))
  const known = <T extends { meetingId: string }>(items: readonly T[]) =>
    items.filter((item) => order.has(item.meetingId))
  const { actions, asks, decisions } = sources.items
  const askCopies = mergeCopies(known(asks), order)

  const ledger: Ledger = {
    coalition: { id: sources.coalition.id, name: sources.coalition.name },
    organisations: sources.organisations.map(({ id, name, shortName }) => ({
      id,
      name,
      shortName,
    })),
    people: sources.people.map(({ id, name, organisationId }) => ({ id, name, organisationId })),
    meetings,
    actions: mergeCopies(known(actions), order).map(({ current, meetingIds }): LedgerAction => ({
      key: current.key,
      text: current.text,
      owners: current.owners,
      unknownOwners: current.unknownOwners,
      assignee: current.assignee,
      due: current.due,
      dueText: current.dueText,
      // From the same copy as the owners and date they qualify, so they always agree.
      ownersProposed: current.ownersProposed,
      dueProposed: current.dueProposed,
      status: current.status,
      raisedIn: meetingIds[0]!,
      heldIn: current.meetingId,
      meetingIds,
      carriedFrom: current.carriedFrom,
      sourceText: current.source.text,
      updatedAt: current.updatedAt,
      editable: editable(meetingIds),
    })),
    asks: askCopies.map(({ current, meetingIds }): LedgerAsk => {
      const endorsements = endorsementsOf(current.key, meetingIds, sources.endorsements)
      return {
        key: current.key,
        meetingId: current.meetingId,
        text: current.text,
        target: current.target,
        supporters: current.supporters,
        unknownSupporters: current.unknownSupporters,
        status: current.status,
        endorsements,
        endorsedBy: endorsedBy(current.supporters, endorsements),
        updatedAt: current.updatedAt,
        editable: editable(meetingIds),
      }
    }),
    decisions: mergeCopies(known(decisions), order).map(({ current }): LedgerDecision => ({
      key: current.key,
      meetingId: current.meetingId,
      text: current.text,
    })),
    pendingSuggestions: countSuggestions([...known(actions), ...known(asks), ...known(decisions)]),
  }
  const askMeetings = new Map(askCopies.map(({ current, meetingIds }) => [current.key, meetingIds]))
  return { ledger, askMeetings }
}

/**
 * Explicit items only, one entry per key, in the order each key first appears (meeting, then
 * position in it).
 */
function mergeCopies<T extends { key: string; origin: string; position: number }>(
  items: readonly Stored<T>[],
  order: ReadonlyMap<string, number>,
): Copies<T>[] {
  const rank = (item: Stored<T>) => order.get(item.meetingId)!
  const sorted = items
    .filter((item) => item.origin === 'explicit')
    .sort((a, b) => rank(a) - rank(b) || a.position - b.position)
  const byKey = new Map<string, Copies<T>>()
  for (const item of sorted) {
    const copies = byKey.get(item.key)
    if (!copies) {
      byKey.set(item.key, { current: item, meetingIds: [item.meetingId] })
      continue
    }
    if (!copies.meetingIds.includes(item.meetingId)) copies.meetingIds.push(item.meetingId)
    // Sorted oldest meeting first, so a copy at the same time as the current one is later.
    if (item.updatedAt >= copies.current.updatedAt) copies.current = item
  }
  return [...byKey.values()]
}

/** Who endorsed or withdrew the ask through Accord, in any meeting holding it, oldest first. */
function endorsementsOf(
  key: string,
  meetingIds: readonly string[],
  records: LedgerSources['endorsements'],
): Endorsement[] {
  return records
    .filter((record) => record.askKey === key && meetingIds.includes(record.meetingId))
    .sort((a, b) => a.at.localeCompare(b.at))
    .map(({ organisationId, personId, personName, kind, at }) => ({
      organisationId,
      personId,
      personName,
      kind,
      at,
    }))
}

/**
 * The supporters whose organisation's last endorsement record for the ask is an endorsement:
 * a name in the minutes alone is what the note-taker heard, not the organisation's own word.
 */
function endorsedBy(supporters: readonly string[], endorsements: readonly Endorsement[]) {
  const last = new Map<string, Endorsement['kind']>()
  for (const { organisationId, kind } of endorsements) last.set(organisationId, kind)
  return supporters.filter((id) => last.get(id) === 'endorse')
}

function countSuggestions(items: readonly { origin: string; meetingId: string }[]) {
  const counts: Record<string, number> = {}
  for (const item of items) {
    if (item.origin === 'suggested') counts[item.meetingId] = (counts[item.meetingId] ?? 0) + 1
  }
  return counts
}
