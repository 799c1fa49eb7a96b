import type { Mention } from './blocks.ts'
import { ALL, type ExtractContext } from './types.ts'

/**
 * Who is named in a text. Organisations by name, short name or alias (case-insensitive whole
 * words, longest first; an all-capitals short name only in capitals, so that "MIND" the acronym
 * never matches "mind" the word); people by name (case-sensitive: "Grace" is a person, "grace"
 * is not), standing for their organisation; and the words for the whole coalition ("all
 * members", "everyone", "we", "the coalition") as ALL. Built once per context.
 */
export interface Entity {
  start: number
  end: number
  text: string
  kind: 'organisation' | 'person' | 'all'
  /** Organisation ids, or ['ALL']. */
  organisationIds: string[]
  personId: string | null
}

export interface OwnerMatcher {
  /** Every entity named in a text, left to right, without overlaps. */
  entities(text: string, mentions?: readonly Mention[]): Entity[]
  /** The organisations a section heading is about ("ALC", "Fair Pay for Care Trust update"). */
  headingOrganisations(heading: string | null): string[]
  /** The last words of the organisations' names ("Trust", "Forum"), for "the Trust will …". */
  nameWords(organisationId: string): Set<string>
  label(organisationId: string): string
}

const ALL_WORDS = [
  'all member organisations',
  'all organisations',
  'all members',
  'all partners',
  'all of us',
  'member organisations',
  'each member',
  'every member',
  'we all',
  'everyone',
  'everybody',
  'the coalition',
  'the alliance',
  'the group',
  'the partnership',
  'members',
  'all',
  'we',
]

const WORD = '[\\p{L}\\p{N}]'

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function alternation(names: Iterable<string>, flags: string): RegExp | undefined {
  const sorted = [...new Set(names)]
    .filter((n) => n.trim() !== '')
    .sort((a, b) => b.length - a.length)
  if (sorted.length === 0) return undefined
  const body = sorted.map((n) => escape(n).replace(/\s+/g, '\\s+').replace(/'/g, "['’]")).join('|')
  return new RegExp(`(?<!${WORD})(?:${body})(?!${WORD})`, flags)
}

function isAcronym(name: string): boolean {
  return /^[\p{Lu}\p{N}&]{2,}$/u.test(name)
}

function key(name: string): string {
  return name.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
}

export function createOwnerMatcher(
  context: Pick<ExtractContext, 'organisations' | 'people'>,
): OwnerMatcher {
  const byName = new Map<string, string>() // lower-case name → organisation id
  const byAcronym = new Map<string, string>() // exact acronym → organisation id
  const people = new Map<string, { id: string; organisationId: string }>()
  const labels = new Map<string, string>()
  const nameWords = new Map<string, Set<string>>()

  for (const org of context.organisations) {
    labels.set(org.id, org.shortName || org.name)
    const words = org.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w))
    nameWords.set(org.id, new Set(words.slice(-1).map((w) => w.toLowerCase())))
    for (const name of [org.name, org.shortName, ...org.aliases]) {
      const trimmed = (name ?? '').trim()
      if (trimmed === '') continue
      if (isAcronym(trimmed)) {
        if (!byAcronym.has(trimmed)) byAcronym.set(trimmed, org.id)
        continue
      }
      for (const variant of [trimmed, trimmed.replace(/^the\s+/i, '')]) {
        if (variant !== '' && !byName.has(key(variant))) byName.set(key(variant), org.id)
      }
    }
  }
  const organisationIds = new Set(context.organisations.map((o) => o.id))
  const firstNames = new Map<string, number>()
  for (const person of context.people) {
    const first = person.name.trim().split(/\s+/)[0] ?? ''
    firstNames.set(first, (firstNames.get(first) ?? 0) + 1)
  }
  for (const person of context.people) {
    if (!organisationIds.has(person.organisationId) || person.name.trim() === '') continue
    const value = { id: person.id, organisationId: person.organisationId }
    const full = person.name.trim().replace(/\s+/g, ' ')
    if (!people.has(full)) people.set(full, value)
    const first = full.split(' ')[0]!
    if (first !== full && firstNames.get(first) === 1 && !people.has(first))
      people.set(first, value)
  }

  const insensitive = alternation([...byName.keys(), ...ALL_WORDS], 'giu')
  const sensitive = alternation([...byAcronym.keys(), ...people.keys()], 'gu')
  const allWords = new Set(ALL_WORDS)

  const classify = (start: number, text: string, exact: boolean): Entity | undefined => {
    const end = start + text.length
    if (exact) {
      const acronym = byAcronym.get(text)
      if (acronym)
        return {
          start,
          end,
          text,
          kind: 'organisation',
          organisationIds: [acronym],
          personId: null,
        }
      const person = people.get(text.replace(/\s+/g, ' '))
      if (person) {
        return {
          start,
          end,
          text,
          kind: 'person',
          organisationIds: [person.organisationId],
          personId: person.id,
        }
      }
      return undefined
    }
    const k = key(text)
    const org = byName.get(k)
    if (org)
      return { start, end, text, kind: 'organisation', organisationIds: [org], personId: null }
    if (allWords.has(k))
      return { start, end, text, kind: 'all', organisationIds: [ALL], personId: null }
    return undefined
  }

  return {
    entities(text, mentions = []) {
      const found: Entity[] = mentions
        .filter((m) => organisationIds.has(m.organisationId))
        .map((m) => ({
          start: m.start,
          end: m.end,
          text: text.slice(m.start, m.end),
          kind: 'organisation' as const,
          organisationIds: [m.organisationId],
          personId: null,
        }))
      const candidates: Entity[] = []
      for (const [pattern, exact] of [
        [insensitive, false],
        [sensitive, true],
      ] as const) {
        if (!pattern) continue
        for (const match of text.matchAll(pattern)) {
          const entity = classify(match.index, match[0], exact)
          if (entity) candidates.push(entity)
        }
      }
      // Longest first, then leftmost: "Carers Network Northshire" beats "Carers Network".
      candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
      for (const candidate of candidates) {
        if (!found.some((f) => f.start < candidate.end && candidate.start < f.end))
          found.push(candidate)
      }
      return withAffiliations(
        text,
        found.sort((a, b) => a.start - b.start),
      )
    },
    headingOrganisations(heading) {
      if (!heading) return []
      const named = this.entities(heading).filter((e) => e.kind === 'organisation')
      if (named.length === 0) return []
      const rest = named.reduce((t, e) => t.replace(e.text, ' '), heading)
      const leftover = rest.split(/[^\p{L}]+/u).filter((w) => w.length > 0)
      return leftover.length <= 2 ? [...new Set(named.flatMap((e) => e.organisationIds))] : []
    },
    nameWords: (id) => nameWords.get(id) ?? new Set(),
    label: (id) => labels.get(id) ?? id,
  }
}

/** "Priya (RCA)": a person followed by their organisation in brackets is one entity. */
function withAffiliations(text: string, entities: Entity[]): Entity[] {
  const out: Entity[] = []
  for (let i = 0; i < entities.length; i++) {
    const entity = entities[i]!
    const next = entities[i + 1]
    if (
      entity.kind === 'person' &&
      next?.kind === 'organisation' &&
      /^\s*\($/.test(text.slice(entity.end, next.start)) &&
      text[next.end] === ')'
    ) {
      out.push({
        ...entity,
        end: next.end + 1,
        text: text.slice(entity.start, next.end + 1),
        organisationIds: next.organisationIds,
      })
      i++
      continue
    }
    out.push(entity)
  }
  return out
}
