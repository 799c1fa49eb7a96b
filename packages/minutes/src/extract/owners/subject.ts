import type { Token } from '../../language/types.ts'
import type { ReadBlock } from '../read/document.ts'
import type { Entity, OwnerMatcher } from './matcher.ts'
import { ALL } from '../types.ts'

/**
 * Who a clause's subject is, as owners: known names ("SP and ACR", "Maya/ Ines", "PC
 * Hale"), the words for everyone ("members", "we"), a pronoun standing for someone named
 * just before ("JB said that he would…"), "the Trust" or "it" under a heading naming one
 * organisation, or a capitalised name nobody knows, kept as an unknown owner. A common noun
 * ("the new website") is no owner: nothing is owed by it.
 */
export interface Owner {
  owners: string[]
  unknownOwners: string[]
  assignee: string | null
  /** As written, for the reason. */
  label: string
  /** How the owner was found; `all` when the whole coalition owes it. */
  via: 'named' | 'all' | 'pronoun' | 'heading' | 'speaker' | 'context' | 'unknown'
}

export interface Subject extends Owner {
  /** Offsets of the subject's words in the block. */
  start: number
  end: number
}

const NOT_NAMES = new Set(
  'it this that there these those they he she i you the a an each some no nobody action actions decision please next minutes date chair attending present apologies item items update updates agenda notes note'.split(
    ' ',
  ),
)
const HEADING_REFERENCE = /^(?:the\s+(\p{L}[\p{L}'’-]*)|they|it)$/iu
const JOINER = /^(?:and|&|\/|,|or)$/
const SUBJECT_POS = new Set(['PROPN', 'NOUN', 'PRON', 'DET', 'ADJ', 'NUM', 'X', 'CCONJ'])
const SUBJECT_WORDS = /^(?:\/|,|\(|\)|\.|'s|’s|&|of|from|at|on|behalf|for)$/
const POST_MODIFIER = /^(?:of|from|at|on|for|in|with)$/

/** The subject's token range ending right before `at`, or null when there is none. */
export function subjectTokens(
  tokens: readonly Token[],
  first: number,
  at: number,
  entities: readonly { start: number; end: number }[] = [],
): [number, number] | null {
  // "… was not aware and will follow up": the verb shares the clause's first subject.
  if (/^(?:and|but)$/.test(tokens[at - 1]?.normal ?? '')) return null
  let k = at
  while (k > first) {
    const t = tokens[k - 1]!
    const ok =
      entities.some((e) => e.start <= t.start && t.end <= e.end) ||
      SUBJECT_POS.has(t.pos) ||
      SUBJECT_WORDS.test(t.normal) ||
      (t.pos === 'VERB' && /ing$/.test(t.normal) && tokens[k - 2]?.normal === 'those')
    if (!ok) break
    k--
  }
  while (k < at && /^(?:,|\/|and|&|\)|or)$/.test(tokens[k]!.normal)) k++
  return k < at ? [k, at] : null
}

export function resolveSubject(
  block: ReadBlock,
  range: [number, number],
  matcher: OwnerMatcher,
  speaker: Owner | null,
): Subject | undefined {
  const tokens = block.analysis.tokens
  // Conjuncts, last first: "the figures and SP will …" is SP's; "SP and ACR" is both.
  const conjuncts: [number, number][] = []
  let end = range[1]
  for (let k = range[1] - 1; k >= range[0]; k--) {
    if (JOINER.test(tokens[k]!.normal)) {
      if (k + 1 < end) conjuncts.unshift([k + 1, end])
      end = k
    }
  }
  if (range[0] < end) conjuncts.unshift([range[0], end])
  const resolved: Subject[] = []
  for (let c = conjuncts.length - 1; c >= 0; c--) {
    const one = resolveConjunct(block, conjuncts[c]!, matcher, speaker)
    if (!one) break
    resolved.unshift(one)
  }
  if (resolved.length === 0) return undefined
  // An unknown name joined to known ones ("Jo and SP") is kept only when alone.
  const known = resolved.filter((r) => r.via !== 'unknown')
  const parts = known.length > 0 ? known : resolved.slice(-1)
  const ids = parts.flatMap((p) => p.owners)
  const start = parts[0]!.start
  const stop = parts.at(-1)!.end
  return {
    start,
    end: stop,
    owners: ids.includes(ALL) ? [ALL] : [...new Set(ids)],
    unknownOwners: [...new Set(parts.flatMap((p) => p.unknownOwners))],
    assignee: parts.length === 1 ? parts[0]!.assignee : null,
    label: block.text.slice(start, stop),
    via: parts.length === 1 ? parts[0]!.via : parts.some((p) => p.via === 'all') ? 'all' : 'named',
  }
}

function resolveConjunct(
  block: ReadBlock,
  [from, to]: [number, number],
  matcher: OwnerMatcher,
  speaker: Owner | null,
): Subject | undefined {
  const tokens = block.analysis.tokens
  // The head, without a modifier after it: "those going from the food bank" → "those going".
  let head = to
  for (let k = from + 1; k < to; k++) {
    if (POST_MODIFIER.test(tokens[k]!.normal) && tokens[k - 1]!.normal !== 'behalf') {
      head = k
      break
    }
  }
  let a = from
  while (
    a < head &&
    /^(?:the|both|each|all|\(|of)$/.test(tokens[a]!.normal) &&
    !startsEntity(block, tokens[a]!.start)
  )
    a++
  if (a >= head) return undefined
  const start = tokens[a]!.start
  const end = tokens[head - 1]!.end
  const text = block.text.slice(start, end)
  const possessive = tokens.slice(a, head).some((t) => /^['’]s$/.test(t.text))

  const words = tokens.slice(a, head)
  // "we" in someone's turn is their organisation ("Maya: we'll bring the banners").
  if (speaker && words.length === 1 && /^(?:we|us)$/.test(words[0]!.normal)) {
    return { ...speaker, start, end, label: text, via: 'speaker' }
  }
  const inside = block.entities.filter((e) => e.start >= tokens[from]!.start && e.end <= end)
  if (inside.length > 0 && !possessive && covers(block, inside, start, end)) {
    return fromEntities(inside, start, end, block.text)
  }
  // "Reminder to schedule your updates": a reminder is to everyone.
  if (words.length === 1 && /^(?:reminder|request|call)$/.test(words[0]!.normal)) {
    return { start, end, owners: [ALL], unknownOwners: [], assignee: null, label: text, via: 'all' }
  }
  if (words.length === 1 && words[0]!.pos === 'PRON') {
    const word = words[0]!.normal
    if (word === 'i' || ((word === 'we' || word === 'us') && speaker)) {
      return speaker ? { ...speaker, start, end, label: text, via: 'speaker' } : undefined
    }
    if (word === 'he' || word === 'she' || word === 'they') {
      const antecedent = pronounAntecedent(block, a, matcher)
      if (antecedent)
        return { ...antecedent, start, end, label: `${text} (${antecedent.label})`, via: 'pronoun' }
      if (speaker && word !== 'they') return { ...speaker, start, end, label: text, via: 'speaker' }
      return undefined
    }
  }
  const reference = HEADING_REFERENCE.exec(block.text.slice(tokens[from]!.start, end).trim())
  const [sectionOrganisation] = block.sectionOrganisations
  if (reference && block.sectionOrganisations.length === 1 && sectionOrganisation) {
    const word = reference[1]?.toLowerCase()
    if (word === undefined || matcher.nameWords(sectionOrganisation).has(word)) {
      return {
        start,
        end,
        owners: [sectionOrganisation],
        unknownOwners: [],
        assignee: null,
        label: text,
        via: 'heading',
      }
    }
  }
  // A name nobody knows: capitalised words only, not a pronoun or a title word.
  if (
    !possessive &&
    words.length <= 5 &&
    words.every((t) => /^\p{Lu}/u.test(t.text) || /^(?:of|and|&|for|the)$/.test(t.normal)) &&
    words.some((t) => t.pos === 'PROPN') &&
    !NOT_NAMES.has(words[0]!.normal)
  ) {
    return {
      start,
      end,
      owners: [],
      unknownOwners: [text],
      assignee: null,
      label: text,
      via: 'unknown',
    }
  }
  return undefined
}

function startsEntity(block: ReadBlock, offset: number): boolean {
  return block.entities.some((e) => e.start === offset)
}

/** Every word of the range is inside an entity, but for joiners and determiners. */
function covers(
  block: ReadBlock,
  entities: readonly Entity[],
  start: number,
  end: number,
): boolean {
  let rest = ''
  let cursor = start
  for (const e of entities) {
    if (e.end <= start) continue
    rest += block.text.slice(cursor, Math.max(cursor, e.start))
    cursor = Math.max(cursor, e.end)
  }
  rest += block.text.slice(cursor, end)
  return /^[\s,&/()]*(?:(?:and|the|both|each|all)[\s,&/()]*)*$/i.test(rest)
}

function fromEntities(
  entities: readonly Entity[],
  start: number,
  end: number,
  text: string,
): Subject {
  const ids = entities.flatMap((e) => e.organisationIds)
  const unknownPeople = entities.filter(
    (e) => e.kind === 'person' && e.organisationIds.length === 0,
  )
  const people = entities.filter((e) => e.personId !== null)
  return {
    start,
    end,
    owners: ids.includes(ALL) ? [ALL] : [...new Set(ids)],
    unknownOwners: unknownPeople.map((e) => e.text),
    assignee: entities.length === 1 && people.length === 1 ? people[0]!.personId : null,
    label: text.slice(start, end),
    via: entities.every((e) => e.kind === 'all') ? 'all' : ids.length === 0 ? 'unknown' : 'named',
  }
}

/**
 * Who "he", "she" or "they" stands for: the subject of the nearest verb before it in the
 * sentence ("JB said that he would…"), else of the sentence before. A subject that is no one
 * ("both landlords are hoping they will…") means the pronoun is no one either.
 */
function pronounAntecedent(block: ReadBlock, at: number, matcher: OwnerMatcher): Owner | undefined {
  const tokens = block.analysis.tokens
  const sentence = block.analysis.sentences.find((s) => s.tokenStart <= at && at < s.tokenEnd)
  if (!sentence) return undefined
  const previous = block.analysis.sentences.find((s) => s.tokenEnd === sentence.tokenStart)
  const search = (from: number, to: number): Owner | null | undefined => {
    for (let v = to - 1; v > from; v--) {
      const t = tokens[v]!
      if (t.pos !== 'VERB' && t.pos !== 'AUX') continue
      if (tokens[v - 1]?.pos === 'AUX' || tokens[v - 1]?.pos === 'VERB') continue
      const range = subjectTokens(tokens, from, v, block.entities)
      if (!range) continue
      const words = tokens.slice(range[0], range[1])
      if (!words.some((w) => w.pos === 'NOUN' || w.pos === 'PROPN')) continue
      return resolveSubject(block, range, matcher, null) ?? null
    }
    return undefined
  }
  const here = search(sentence.tokenStart, at)
  if (here !== undefined) return here ?? undefined
  return previous ? (search(previous.tokenStart, previous.tokenEnd) ?? undefined) : undefined
}

/** The subject of a sentence's first verb: "ACR suggested …" → ACR. */
export function sentenceSubject(
  block: ReadBlock,
  sentence: { start: number; end: number },
  matcher: OwnerMatcher,
): Subject | undefined {
  const tokens = block.analysis.tokens
  const first = tokens.findIndex((t) => t.start >= sentence.start)
  if (first < 0) return undefined
  let verb = first
  while (verb < tokens.length && tokens[verb]!.end <= sentence.end) {
    if (tokens[verb]!.pos === 'VERB' || tokens[verb]!.pos === 'AUX') break
    verb++
  }
  if (verb >= tokens.length || tokens[verb]!.end > sentence.end) return undefined
  const range = subjectTokens(tokens, first, verb, block.entities)
  return range ? resolveSubject(block, range, matcher, null) : undefined
}
