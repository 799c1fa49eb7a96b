import type { ReadBlock } from '../read/document.ts'
import { contentWords } from '../words.ts'

/**
 * What the words of an action point at, elsewhere in the minutes: the thing "it" stands for,
 * the heading "this working group" names, the sentence or question a bare "will follow up"
 * answers.
 */

const CONTEXT_MAX_WORDS = 16
/** "X noted that …", "Minister said …": the frame of reported speech, not what was said. */
const REPORTING =
  /^(?:[\p{L}'’ .]+?\s+(?:noted|said|reported|explained|advised|mentioned|confirmed|highlighted|raised|asked|told\s+the\s+group)\s+(?:that\s+)?|it\s+was\s+(?:agreed|decided|noted|reported|confirmed|resolved)\s+(?:that\s+)?)/iu
/** Nouns that name talk about something rather than the thing: "Discussion on …". */
const TALK = new Set(['discussion', 'question', 'conversation', 'debate', 'query', 'point'])
/** Headings that name a part of the minutes, not what anything is about. */
const GENERIC_HEADING =
  /^\s*(?:\d+[.)]?\s*)?(?:agenda|minutes|notes|actions?|action\s+points|discussion|aob|any\s+other\s+business|matters\s+arising|items?|updates?|welcome|introductions?|apologies|attendance|date\s+of\s+next\s+meeting|next\s+meeting|other\s+business)\b/i

/** What "it" or "this" stands for: the sentence before's subject, the item above, the heading. */
export function antecedentOf(block: ReadBlock, sentenceIndex: number): string | undefined {
  const sentence = block.sentences[sentenceIndex - 1]
  // Past a reporting frame: "PN noted that the VCS conference will…" is about the conference.
  const frame = sentence ? (REPORTING.exec(sentence.text)?.[0].length ?? 0) : 0
  const subject = sentence && subjectPhrase(block, sentence.start + frame, sentence.end)
  const candidates = [
    subject && TALK.has(subject.toLowerCase().replace(/^the\s+/, '')) ? undefined : subject,
    sentence && TALK.has(firstWord(sentence.text)) ? talkedAbout(sentence.text) : undefined,
    block.parent && shortPhrase(block.parent, 30),
    block.headings[0] && !GENERIC_HEADING.test(block.headings[0])
      ? shortPhrase(block.headings[0])
      : undefined,
  ]
  return candidates.find((c): c is string => !!c && contentWords(c).size > 0)
}

/** "Discussion followed on how to cut the wait?" → "how to cut the wait". */
function talkedAbout(text: string): string {
  const about = withoutFrame(text).replace(/\?$/, '')
  const m =
    /^\p{L}+\s+(?:(?:ensued|followed|took\s+place|was\s+held|was\s+had)\s+)?(?:on|about|around|of|regarding|over)\s+(.+)$/iu.exec(
      about,
    )
  return m && contentWords(m[1]!).size > 0 ? m[1]! : about
}

function firstWord(text: string): string {
  return text.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
}

/** The words before the first auxiliary or verb of a sentence, when they make a noun phrase. */
function subjectPhrase(block: ReadBlock, start: number, end: number): string | undefined {
  const tokens = block.analysis.tokens.filter((t) => t.start >= start && t.end <= end)
  // The first auxiliary, or a verb before it that follows the noun it has for subject ("MW
  // informed …"), not one the tagger found inside the phrase ("workers on pay and …").
  const aux = tokens.findIndex((t) => t.pos === 'AUX')
  const verb = tokens.findIndex(
    (t, i) =>
      t.pos === 'VERB' &&
      i > 0 &&
      ['NOUN', 'PROPN'].includes(tokens[i - 1]!.pos) &&
      !['NOUN', 'PROPN', 'ADJ'].includes(tokens[i + 1]?.pos ?? '') &&
      (aux < 0 || i < aux),
  )
  const stop = verb >= 0 ? verb : aux
  if (stop <= 0) return undefined
  const phrase = tokens.slice(0, stop)
  while (phrase.length > 0 && ['ADP', 'CCONJ', 'DET', 'PUNCT'].includes(phrase.at(-1)!.pos)) {
    phrase.pop()
  }
  if (
    phrase.length === 0 ||
    phrase.some((t) => t.pos === 'PRON') ||
    !phrase.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN')
  )
    return undefined
  const text = block.text.slice(phrase[0]!.start, phrase.at(-1)!.end)
  return text.replace(/^The\b/, 'the')
}

/** A heading or list item as context: numbering, "[Name]" and dangling marks dropped. */
export function shortPhrase(text: string, maxWords = CONTEXT_MAX_WORDS): string | undefined {
  const cleaned = text
    // Markdown left in pasted notes: **bold**, _italics_, [text](link).
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|(?<=\s|^)_|_(?=\s|$)/g, '')
    .replace(/^\s*(?:\d+[.)]\s*|\[[^\]]*\]\s*)+/, '')
    .replace(/\s*[:–-]\s*$/, '')
    .replace(/\s*\(\s*\)\s*$/, '')
    .trim()
  const words = cleaned.split(/\s+/)
  if (words.length > maxWords || cleaned === '') return undefined
  return cleaned
}

function withoutFrame(text: string): string {
  return text
    .replace(REPORTING, '')
    .replace(/[.?!]+$/, '')
    .trim()
}

/** "this working group" → the heading or item above's "Global Policy Working Group". */
export function demonstrativeName(
  after: string[],
  block: ReadBlock,
): { name: string; used: number } | undefined {
  const sources = [block.parent, ...block.headings].filter((s): s is string => !!s)
  // Nothing to name it: no pattern to build (building one for every action of a long document
  // without headings took a third of its extraction).
  if (sources.length === 0) return undefined
  for (let used = Math.min(3, after.length); used >= 1; used--) {
    const noun = after
      .slice(0, used)
      .join(' ')
      .replace(/[.,;:]$/, '')
    if (!/^\p{Ll}/u.test(noun) || contentWords(noun).size === 0) continue
    const pattern = namePattern(noun)
    for (const source of sources) {
      const m = pattern.exec(source)
      if (m) return { name: `the ${m[0].trim()}`, used }
    }
  }
  return undefined
}

const namePatterns = new Map<string, RegExp>()
/** Patterns built, kept for the next action: at most this many, then they are built again. */
const MAX_NAME_PATTERNS = 1000

/** Capitals in the heading, the noun in any case: "this working group" → "…Policy Working Group". */
function namePattern(noun: string): RegExp {
  let pattern = namePatterns.get(noun)
  if (!pattern) {
    if (namePatterns.size >= MAX_NAME_PATTERNS) namePatterns.clear()
    pattern = new RegExp(`((?:\\p{Lu}[\\p{L}'’&-]*\\s+){1,6})${anyCase(noun)}`, 'u')
    namePatterns.set(noun, pattern)
  }
  return pattern
}

function anyCase(text: string): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) =>
      [...word]
        .map((c) =>
          c.toLowerCase() === c.toUpperCase()
            ? escape(c)
            : `[${c.toLowerCase()}${c.toUpperCase()}]`,
        )
        .join(''),
    )
    .join('\\s+')
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
}

/**
 * What a bare action answers: the sentence before it (its reporting frame dropped); at the
 * start of an item, a question the item before asked, or the item it hangs from; else the
 * heading.
 */
export function contextBefore(
  block: ReadBlock,
  sentence: number,
  previousBlock: ReadBlock | undefined,
  clauseStart?: number,
): string | undefined {
  // "we still have no spokesperson – this might be one for RFB to pick up": the clause before.
  const own = block.sentences[sentence]
  if (own && clauseStart !== undefined && clauseStart > own.start) {
    const earlier = block.text.slice(own.start, clauseStart).replace(/[\s–—:;,-]+$/, '')
    if (contentWords(earlier).size > 1) return clip(withoutFrame(earlier))
  }
  const before = block.sentences[sentence - 1]
  if (before) return clip(withoutFrame(before.text).replace(/^\d+[.)]?\s+/, ''))
  const asked = previousBlock?.sentences.findLast((s) => s.text.trim().endsWith('?'))
  if (asked && previousBlock?.kind === block.kind) return clip(withoutFrame(asked.text))
  return (
    (block.parent && shortPhrase(block.parent, 30)) ??
    (block.headings[0] && !GENERIC_HEADING.test(block.headings[0])
      ? shortPhrase(block.headings[0])
      : undefined) ??
    undefined
  )
}

function clip(text: string): string {
  const words = text.split(/\s+/)
  return words.length <= CONTEXT_MAX_WORDS * 1.5
    ? text
    : words.slice(0, CONTEXT_MAX_WORDS).join(' ')
}
