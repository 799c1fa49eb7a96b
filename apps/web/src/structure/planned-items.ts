import type { Organisation } from '@accord/coalition'
import { formatMeetingDate } from '../dates.ts'
import { ALL_MEMBERS } from '../editor/organisations.ts'
import type { Suggestion } from '../suggestions/find-suggestions.ts'

/** One line of the "Accept all" confirmation: what becomes a node, in words. */
export interface PlannedItem {
  key: string
  kind: 'Action' | 'Ask' | 'Decision'
  /** The words that become the node. */
  text: string
  /** Owners, due date, target, supporters: as they will be recorded. */
  details: string[]
}

const KINDS = { action: 'Action', ask: 'Ask', decision: 'Decision' } as const

/**
 * The confirmation's list: each strong suggestion as the node it becomes – its kind, its
 * words, and for an action its owners by organisation and its due date, for an ask its target
 * and the organisations backing it. Names that match no organisation are said to.
 */
export function plannedItems(
  suggestions: readonly Suggestion[],
  organisations: readonly Organisation[],
): PlannedItem[] {
  return suggestions.map((suggestion) => ({
    key: suggestion.item.key,
    kind: KINDS[suggestion.kind],
    text: suggestion.item.source.text.trim(),
    details: details(suggestion, organisations),
  }))
}

function details(suggestion: Suggestion, organisations: readonly Organisation[]): string[] {
  switch (suggestion.kind) {
    case 'action': {
      const { owners, unknownOwners, due, dueText } = suggestion.item
      return [
        `Owners: ${names(owners, unknownOwners, organisations, 'none yet')}`,
        `Due: ${due ? formatMeetingDate(due) : dueText ? `“${dueText}” (not read as a date)` : 'no date'}`,
      ]
    }
    case 'ask': {
      const { target, supporters, unknownSupporters } = suggestion.item
      return [
        `Asked of: ${target ?? 'not named'}`,
        `Backed by: ${names(supporters, unknownSupporters, organisations, 'nobody named')}`,
      ]
    }
    case 'decision':
      return []
  }
}

function names(
  ids: readonly string[],
  unknown: readonly string[],
  organisations: readonly Organisation[],
  none: string,
): string {
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation.name]))
  const all = [
    // An id the coalition no longer has still shows, rather than vanishing.
    ...ids.map((id) => (id === ALL_MEMBERS ? 'All members' : (byId.get(id) ?? id))),
    ...unknown.map((name) => `${name} (unknown organisation)`),
  ]
  return all.length > 0 ? all.join(', ') : none
}
