import type { Token } from '../../language/types.ts'
import type { Commitment } from '../commitments/commitments.ts'
import type { ReadBlock } from '../read/document.ts'
import { contentWords } from '../words.ts'

/**
 * An action's words, so that it reads on its own in a tracker far from its minutes:
 *
 * - from the verb on, the owner and the cue words left out ("ALC will circulate …" →
 *   "circulate …"), the verb in its base form ("including" → "include");
 * - a passive turned round: "the paper to be circulated by ALC" → "circulate the paper";
 *   "has case studies to add" → "add case studies";
 * - "it / this / these / them / that" with nothing before them to stand for replaced by what
 *   they stand for: what the sentence before was about, the item a nested one hangs from, the
 *   heading; "this working group" by the heading's "Global Policy Working Group";
 * - a verb with no object of its own ("will follow up", "to report back") followed by what it
 *   answers: the sentence before, the item it hangs from, or what a dash adds after it.
 */
export interface ActionWords {
  /** The action as it should read. */
  text: string
  /** The words as written, for finding the due date. */
  raw: string
}

const PRONOUNS = new Set(['it', 'this', 'these', 'them', 'that', 'those'])
const DEMONSTRATIVES = new Set(['this', 'these', 'that', 'those', 'the'])
const CONTEXT_MAX_WORDS = 16
const REPORTING =
  /^(?:[\p{L}'’ .]+?\s+(?:noted|said|reported|explained|advised|mentioned|confirmed|highlighted|raised|asked|told\s+the\s+group)\s+(?:that\s+)?)/iu

export function actionWords(commitment: Commitment, following: string | null): ActionWords {
  const { block, cue } = commitment
  const tokens = block.analysis.tokens
  const verb = tokens[cue.verb]!
  const endChar = tokens[commitment.end - 1]?.end ?? verb.end
  const raw = block.text.slice(verb.start, Math.max(verb.end, endChar))

  const head = [baseForm(verb)]
  if (cue.object) head.push(span(block, cue.object[0], cue.object[1]))
  if ((cue.form === 'passive' || cue.form === 'agreed-passive') && commitment.subject) {
    head.push(span(block, commitment.subject[0], commitment.subject[1]).replace(/^(?:that|:)\s*/i, ''))
  }
  // What follows the verb, with a passive's "by ABC" left out and, after "own creating the
  // repos, and driving …", every -ing verb of the list in its base form.
  const edits: { start: number; end: number; text: string }[] = []
  if (cue.skip) {
    const from = tokens[cue.skip[0]]!
    edits.push({ start: from.start, end: tokens[cue.skip[1] - 1]!.end, text: '' })
  }
  if (/ing$/.test(verb.normal)) {
    for (let i = cue.verb + 1; i < commitment.end; i++) {
      const t = tokens[i]!
      if (t.pos === 'VERB' && !/ing$/.test(t.normal)) break
      if (t.pos === 'VERB' && /^(?:and|,)$/.test(tokens[i - 1]!.normal)) {
        edits.push({ start: t.start, end: t.end, text: baseForm(t) })
      }
    }
  }
  let rest = ''
  let cursor = verb.end
  for (const edit of edits.sort((a, b) => a.start - b.start)) {
    if (edit.start < cursor) continue
    rest += block.text.slice(cursor, edit.start) + edit.text
    cursor = edit.end
  }
  rest += block.text.slice(cursor, Math.max(cursor, endChar))

  let text = tidy(`${head.join(' ')}${rest}`)
  text = resolveReferences(text, block)
  if (contentWords(text).size <= 2) {
    const extra = following ?? contextFor(block, commitment)
    if (extra) text = `${text} – ${extra}`
  }
  return { text: tidy(text), raw }
}

function span(block: ReadBlock, from: number, to: number): string {
  const tokens = block.analysis.tokens
  return block.text.slice(tokens[from]!.start, tokens[to - 1]!.end)
}

/**
 * "including" → "include", "circulated" → "circulate"; other words as written. The lemma is
 * American ("organize"): the spelling the minutes use is kept ("organising" → "organise").
 */
export function baseForm(token: Token): string {
  if (token.pos !== 'VERB' || token.lemma === token.normal) return token.text
  const spellings = [token.lemma, token.lemma.replace(/iz/g, 'is'), token.lemma.replace(/yz/g, 'ys')]
  const shared = (a: string) => {
    let n = 0
    while (n < a.length && a[n] === token.normal[n]) n++
    return n
  }
  return spellings.reduce((best, s) => (shared(s) > shared(best) ? s : best))
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:!?)])/g, '$1')
    .replace(/\(\s+/g, '(')
    .replace(/[\s,;:.!?–-]+$/, '')
    .replace(/,?\s+(?:and|or|but|so)$/, '')
    .replace(/\s*\?$/, '')
    .trim()
}

/**
 * Pronouns that open the action's object with nothing before them in it: "circulate it to
 * members" → "circulate the workforce survey to members".
 */
function resolveReferences(text: string, block: ReadBlock): string {
  const words = text.split(' ')
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!.toLowerCase().replace(/[.,;:]$/, '')
    const before = words.slice(1, i).join(' ')
    if (contentWords(before).size > 1) break
    if (PRONOUNS.has(word) && !isNounAfter(words[i + 1])) {
      const antecedent = antecedentOf(block)
      if (antecedent) {
        words[i] = antecedent + (words[i]!.match(/[.,;:]$/)?.[0] ?? '')
        return words.join(' ')
      }
      return text
    }
    if (DEMONSTRATIVES.has(word) && words[i + 1]) {
      const replaced = namedInHeadings(words.slice(i + 1, i + 4), block)
      if (replaced) {
        words.splice(i, replaced.used + 1, replaced.name)
        return words.join(' ')
      }
    }
  }
  return text
}

function isNounAfter(word: string | undefined): boolean {
  return !!word && /^\p{Ll}[\p{Ll}-]+$/u.test(word) && !/^(?:to|and|on|for|with|at|in|by|up|out|back|over|as|from|when|if|once)$/.test(word)
}

/** "this working group" → the heading or parent item's "Global Policy Working Group". */
function namedInHeadings(after: string[], block: ReadBlock): { name: string; used: number } | undefined {
  const sources = [block.parent, ...block.headings].filter((s): s is string => !!s)
  for (let used = Math.min(3, after.length); used >= 1; used--) {
    const noun = after.slice(0, used).join(' ').replace(/[.,;:]$/, '')
    if (!/^\p{Ll}/u.test(noun) || contentWords(noun).size === 0) continue
    const pattern = new RegExp(`((?:\\p{Lu}[\\p{L}'’&-]*\\s+){1,6})${escape(noun)}`, 'iu')
    for (const source of sources) {
      const m = pattern.exec(source)
      if (m) return { name: `the ${m[0].trim()}`, used }
    }
  }
  return undefined
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
}

/** What "it" stands for: the sentence before's subject, the item it hangs from, the heading. */
function antecedentOf(block: ReadBlock): string | undefined {
  const sentence = block.sentences.length > 1 ? block.sentences[block.sentences.length - 2] : undefined
  const candidates = [
    sentence && subjectPhrase(block, sentence.start, sentence.end),
    block.parent && shortPhrase(block.parent),
    block.headings[0] && shortPhrase(block.headings[0]),
  ]
  return candidates.find((c): c is string => !!c && contentWords(c).size > 0)
}

/** The words before the first verb of a sentence, when they make a noun phrase. */
function subjectPhrase(block: ReadBlock, start: number, end: number): string | undefined {
  const tokens = block.analysis.tokens.filter((t) => t.start >= start && t.end <= end)
  const verb = tokens.findIndex((t) => t.pos === 'AUX' || t.pos === 'VERB')
  if (verb <= 0) return undefined
  const phrase = tokens.slice(0, verb)
  if (phrase.some((t) => t.pos === 'PRON') || !phrase.some((t) => t.pos === 'NOUN' || t.pos === 'PROPN'))
    return undefined
  const text = block.text.slice(phrase[0]!.start, phrase.at(-1)!.end)
  return text.charAt(0).toLowerCase() === text.charAt(0) ? text : text.replace(/^The\b/, 'the')
}

function shortPhrase(text: string): string | undefined {
  const cleaned = text
    .replace(/^\s*(?:\d+[.)]\s*|\[[^\]]*\]\s*)+/, '')
    .replace(/\s*[:–-]\s*$/, '')
    .replace(/\s*\(\s*\)\s*$/, '')
    .trim()
  const words = cleaned.split(/\s+/)
  if (words.length > CONTEXT_MAX_WORDS || cleaned === '') return undefined
  return cleaned
}

/** What a verb with no object answers: the sentence before, or the item it hangs from. */
function contextFor(block: ReadBlock, commitment: Commitment): string | undefined {
  const index = commitment.clause.sentence
  const before = block.sentences[index - 1]
  if (before) {
    const text = before.text.replace(REPORTING, '').replace(/[.?!]+$/, '')
    const words = text.split(/\s+/)
    if (words.length <= CONTEXT_MAX_WORDS * 1.5) return text
    return words.slice(0, CONTEXT_MAX_WORDS).join(' ')
  }
  return (block.parent && shortPhrase(block.parent)) ?? (block.headings[0] && shortPhrase(block.headings[0])) ?? undefined
}
