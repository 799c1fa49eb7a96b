import type { Organisation } from '@accord/coalition'
import { ALL_OWNERS, type StructureAction } from '@accord/minutes/structure'

export interface ActionGroup {
  /** Stable React key. */
  id: string
  heading: string
  /** The group of owners nobody could match to an organisation: shown flagged. */
  unknown: boolean
  actions: StructureAction[]
}

/**
 * Actions by who owes them, in the coalition's order of organisations: "All members" first, then
 * each organisation, then "Unknown organisation" for owners that matched none (or an id that is
 * no longer an organisation), then "No owner yet". An action owned by two organisations is
 * listed under both; the actions keep their document order in each group.
 */
export function groupActions(
  actions: readonly StructureAction[],
  organisations: readonly Organisation[],
): ActionGroup[] {
  const all: ActionGroup = { id: ALL_OWNERS, heading: 'All members', unknown: false, actions: [] }
  const byOrganisation = new Map(
    organisations.map((o) => [o.id, { id: o.id, heading: o.name, unknown: false, actions: [] }]),
  ) as Map<string, ActionGroup>
  const unknown: ActionGroup = {
    id: 'unknown',
    heading: 'Unknown organisation',
    unknown: true,
    actions: [],
  }
  // Not flagged: an action nobody has given an owner yet is unfinished, not wrong.
  const ownerless: ActionGroup = {
    id: 'none',
    heading: 'No owner yet',
    unknown: false,
    actions: [],
  }
  for (const action of actions) {
    const groups = new Set<ActionGroup>()
    for (const owner of action.owners) {
      if (owner === ALL_OWNERS) groups.add(all)
      else groups.add(byOrganisation.get(owner) ?? unknown)
    }
    if (action.unknownOwners.length > 0) groups.add(unknown)
    if (groups.size === 0) groups.add(ownerless)
    for (const group of groups) group.actions.push(action)
  }
  return [all, ...byOrganisation.values(), unknown, ownerless].filter(
    (group) => group.actions.length > 0,
  )
}

/** Short names of organisation ids, for supporters of an ask; unknown ids are left out. */
export function organisationNames(
  ids: readonly string[],
  organisations: readonly Organisation[],
): string[] {
  return ids.flatMap((id) => organisations.find((o) => o.id === id)?.shortName ?? [])
}
