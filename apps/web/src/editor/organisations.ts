import type { Organisation } from '@accord/coalition'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

/** `owners` holds this alone when the whole coalition owes an action (STRUCTURE.md). */
export const ALL_MEMBERS = 'ALL'

/**
 * The organisations whose name, short name or an alias matches what was typed after `@`,
 * best first: a short name or alias typed exactly, then names starting with the query, then
 * names with a word starting with it. Case and accents are ignored.
 */
export function matchOrganisations(
  query: string,
  organisations: readonly Organisation[],
  limit = 8,
): Organisation[] {
  const typed = fold(query.trim())
  if (typed === '') return organisations.slice(0, limit)
  const scored: { organisation: Organisation; score: number }[] = []
  for (const organisation of organisations) {
    const names = [organisation.shortName, organisation.name, ...organisation.aliases].map(fold)
    const score = Math.min(...names.map((name) => rank(name, typed)))
    if (score < Infinity) scored.push({ organisation, score })
  }
  return scored
    .sort((a, b) => a.score - b.score || a.organisation.name.localeCompare(b.organisation.name))
    .slice(0, limit)
    .map(({ organisation }) => organisation)
}

function rank(name: string, typed: string): number {
  if (name === typed) return 0
  if (name.startsWith(typed)) return 1
  if (name.split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(typed))) return 2
  return Infinity
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** Short names for owner or supporter ids; "All members" for `['ALL']`. */
export function organisationNames(
  ids: readonly string[],
  organisations: readonly Pick<Organisation, 'id' | 'shortName'>[],
): string[] {
  if (ids.includes(ALL_MEMBERS)) return ['All members']
  const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]))
  // An id the coalition no longer has (removed since) still shows, rather than vanishing.
  return ids.map((id) => byId.get(id)?.shortName ?? id)
}

/** The organisations a block mentions, in order, once each: the default owners of an action. */
export function mentionedOrganisations(block: ProseMirrorNode): string[] {
  const ids = new Set<string>()
  block.descendants((node) => {
    const id: unknown = node.attrs.id
    if (node.type.name === 'organisationMention' && typeof id === 'string') ids.add(id)
  })
  return [...ids]
}

/**
 * The organisations the `@` menu offers. The editor is made once, the page's list can change
 * while it is open (an organisation added in Settings): the menu reads `list()` as people type.
 */
export class OrganisationDirectory {
  constructor(private organisations: readonly Organisation[]) {}

  list = (): readonly Organisation[] => this.organisations

  replace(organisations: readonly Organisation[]): void {
    this.organisations = organisations
  }
}
