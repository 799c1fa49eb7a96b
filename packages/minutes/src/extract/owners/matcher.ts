import type { Mention } from '../read/blocks.ts'
import {
  coalitionNames,
  peopleKeys,
  roleKeys,
  SURNAME_TITLES,
  type PersonKey,
} from './people-keys.ts'
import { ALL, type ExtractOrganisation } from '../types.ts'

/**
 * Who is named in a text:
 *
 * - organisations by name, short name or alias (case-insensitive whole words, longest first;
 *   an all-capitals short name only in capitals, so "MIND" the acronym never matches "mind");
 * - people by full name, unambiguous first name, initials ("JD", "BMcL") and title with surname
 *   ("Cllr Okoro"), case-sensitively ("Hazel" is a person, "hazel" is not), standing for their
 *   organisation; a person whose organisation is not the coalition's is named with none;
 * - the words for the whole coalition ("all members", "partners", "everyone", "we", the
 *   coalition's own name and acronym) as ALL.
 *
 * Built once per meeting.
 */
export interface Entity {
  start: number
  end: number
  text: string
  kind: 'organisation' | 'person' | 'all'
  /** Organisation ids, or ['ALL']; empty for a person of no known organisation. */
  organisationIds: string[]
  personId: string | null
}

/** Someone at the meeting or in the coalition: a member (with an id) or named in the minutes. */
export interface Participant {
  id: string | null
  name: string
  organisationIds: string[]
  /** Initials the minutes write for them, besides the ones their name gives. */
  initials: string[]
  /** Their roles in the meeting ("chair", "secretariat"): "the Chair will…" is theirs. */
  roles?: string[]
  /** Their handles ("kborchers"): "@kborchers to…" is theirs. */
  handles?: string[]
}

export interface OwnerDirectory {
  organisations: readonly ExtractOrganisation[]
  people: readonly Participant[]
  /** The coalition's own name: it, and its acronym, stand for everyone. */
  coalitionName?: string
}

export interface OwnerMatcher {
  /** Every entity named in a text, left to right, without overlaps. */
  entities(text: string, mentions?: readonly Mention[]): Entity[]
  /** The organisations a section heading is about ("SP", "Riverside Food Bank update"). */
  headingOrganisations(heading: string | null): string[]
  /** The last words of the organisations' names ("Trust", "Forum"), for "the Trust will …". */
  nameWords(organisationId: string): Set<string>
  /**
   * A person named by a whole label in any case ("Jbell:" for JBell): speakers' labels are
   * typed in a hurry. Names of three letters or more only, never initials.
   */
  personInAnyCase(text: string): Entity | undefined
  label(organisationId: string): string
}

const ALL_WORDS = [
  'all member organisations',
  'all organisations',
  'all members',
  'all partners',
  'all agencies',
  'all of us',
  'all attendees',
  'all participants',
  'member organisations',
  'partner organisations',
  'each member',
  'every member',
  'each partner',
  'every partner',
  'each agency',
  'each organisation',
  'every organisation',
  'we all',
  'everyone',
  'everybody',
  'the coalition',
  'the alliance',
  'the group',
  'the partnership',
  'the network',
  'the membership',
  'members',
  'partners',
  'all',
  'we',
]

const TITLED = new RegExp(`^(?:${SURNAME_TITLES.join('|')})\\.?\\s+(.+)$`)
/**
 * Initials that are also English words in capitals ("AS", "IT"): read as a person only when no
 * other capitalised word stands right next to them, as in headings written in capitals.
 */
const WORDLIKE_INITIALS = new Set(
  'AM AN AS AT BE BY DO GO HE IF IN IS IT ME MY NO OF OK ON OR PM SO TO UP US WE'.split(' '),
)

const WORD = '[\\p{L}\\p{N}]'
/** Texts whose entities a matcher remembers (one meeting's blocks, labels and cells). */
const ENTITY_CACHE = 5000

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function alternationBody(names: Iterable<string>): string {
  return [...new Set(names)]
    .filter((n) => n.trim() !== '')
    .sort((a, b) => b.length - a.length)
    .map((n) => escape(n).replace(/\s+/g, '\\s+').replace(/'/g, "['’]"))
    .join('|')
}

function alternation(names: Iterable<string>, flags: string, extra = ''): RegExp | undefined {
  const body = [alternationBody(names), extra].filter((b) => b !== '').join('|')
  if (body === '') return undefined
  return new RegExp(`(?<!${WORD})(?:${body})(?!${WORD})`, flags)
}

function isAcronym(name: string): boolean {
  return /^[\p{Lu}\p{N}&]{2,}$/u.test(name)
}

function key(name: string): string {
  return name.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')
}

export function createOwnerMatcher(directory: OwnerDirectory): OwnerMatcher {
  const byName = new Map<string, string>() // lower-case name → organisation id
  const byAcronym = new Map<string, string>() // exact acronym → organisation id
  const labels = new Map<string, string>()
  const nameWordsOf = new Map<string, Set<string>>()
  const organisationIds = new Set(directory.organisations.map((o) => o.id))

  for (const org of directory.organisations) {
    labels.set(org.id, org.shortName || org.name)
    const words = org.name.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w))
    nameWordsOf.set(org.id, new Set(words.slice(-1).map((w) => w.toLowerCase())))
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

  const allWords = new Set(ALL_WORDS)
  const allAcronyms = new Set<string>()
  for (const name of coalitionNames(directory.coalitionName)) {
    if (isAcronym(name)) {
      if (!byAcronym.has(name)) allAcronyms.add(name)
    } else if (!byName.has(key(name))) {
      allWords.add(key(name))
    }
  }

  const { people, surnames } = peopleKeys(directory.people, organisationIds)
  const roles = roleKeys(directory.people, organisationIds)
  const inAnyCase = new Map<string, PersonKey | null>()
  for (const [form, person] of people) {
    if (form.length < 3 || !/\p{Ll}/u.test(form)) continue
    const lower = form.toLowerCase()
    const seen = inAnyCase.get(lower)
    inAnyCase.set(lower, seen === undefined || seen?.id === person.id ? person : null)
  }

  const insensitive = alternation([...byName.keys(), ...allWords, ...roles.keys()], 'giu')
  // "Cllr Okoro", "PC Hale": one title group before every surname, not a key per pair.
  const titled =
    surnames.size > 0
      ? `(?:${SURNAME_TITLES.join('|')})\\.?\\s+(?:${alternationBody(surnames.keys())})`
      : ''
  const sensitive = alternation(
    [...byAcronym.keys(), ...allAcronyms, ...people.keys()],
    'gu',
    titled,
  )

  const classify = (text: string, start: number, whole: string, exact: boolean) => {
    const end = start + text.length
    const entity = (kind: Entity['kind'], ids: string[], personId: string | null = null) =>
      ({ start, end, text, kind, organisationIds: ids, personId }) satisfies Entity
    if (!exact) {
      const org = byName.get(key(text))
      if (org) return entity('organisation', [org])
      const role = roles.get(key(text))
      if (role) return entity('person', role.organisationIds, role.id)
      return allWords.has(key(text)) ? entity('all', [ALL]) : undefined
    }
    const acronym = byAcronym.get(text)
    if (acronym) return entity('organisation', [acronym])
    if (allAcronyms.has(text)) return entity('all', [ALL])
    const written = text.replace(/\s+/g, ' ')
    const title = TITLED.exec(written)
    const person = title ? surnames.get(title[1]!) : people.get(written)
    if (!person) return undefined
    if (WORDLIKE_INITIALS.has(text) && nextToCapitals(whole, start, end)) return undefined
    return entity('person', person.organisationIds, person.id)
  }

  // The same texts are asked about again and again (labels, cells, headings): read each once.
  const seen = new Map<string, Entity[]>()
  return {
    entities(text, mentions = []) {
      const cached = mentions.length === 0 ? seen.get(text) : undefined
      if (cached) return cached
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
          const entity = classify(match[0], match.index, text, exact)
          if (entity) candidates.push(entity)
        }
      }
      // Longest first, then leftmost: "Riverside Food Bank North" beats "Riverside Food Bank".
      candidates.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)
      for (const candidate of candidates) {
        if (!found.some((f) => f.start < candidate.end && candidate.start < f.end))
          found.push(candidate)
      }
      const result = withAffiliations(
        text,
        found.sort((a, b) => a.start - b.start),
      )
      if (mentions.length === 0) {
        if (seen.size > ENTITY_CACHE) seen.clear()
        seen.set(text, result)
      }
      return result
    },
    headingOrganisations(heading) {
      if (!heading) return []
      const named = this.entities(heading).filter((e) => e.kind === 'organisation')
      if (named.length === 0) return []
      const rest = named.reduce((t, e) => t.replace(e.text, ' '), heading)
      const leftover = rest.split(/[^\p{L}]+/u).filter((w) => w.length > 0)
      return leftover.length <= 2 ? [...new Set(named.flatMap((e) => e.organisationIds))] : []
    },
    nameWords: (id) => nameWordsOf.get(id) ?? new Set(),
    personInAnyCase(text) {
      const person = inAnyCase.get(text.trim().toLowerCase())
      if (!person) return undefined
      return {
        start: 0,
        end: text.length,
        text,
        kind: 'person',
        organisationIds: person.organisationIds,
        personId: person.id,
      }
    },
    label: (id) => labels.get(id) ?? id,
  }
}

/** "AS" in "MINUTES AS AGREED" is a word: another capitalised word stands right beside it. */
function nextToCapitals(text: string, start: number, end: number): boolean {
  return (
    /\p{Lu}{2,}\s$/u.test(text.slice(Math.max(0, start - 12), start)) ||
    /^\s\p{Lu}{2,}/u.test(text.slice(end, end + 12))
  )
}

/** "Maya (TUR)": a person followed by their organisation in brackets is one entity. */
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
