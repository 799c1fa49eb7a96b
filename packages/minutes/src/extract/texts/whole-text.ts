import type { Token } from '../../language/types.ts'
import type { Commitment } from '../commitments/commitments.ts'
import type { ReadBlock } from '../read/document.ts'
import { contentWords } from '../words.ts'
import { antecedentOf, contextBefore, demonstrativeName, shortPhrase } from './references.ts'

/**
 * An action's words, so that it reads on its own in a tracker far from its minutes:
 *
 * - from the verb on, the owner and the cue words left out ("SP will circulate …" →
 *   "circulate …"), the verb in its base form ("including" → "include");
 * - a passive turned round: "the paper to be circulated by SP" → "circulate the paper";
 *   "has case studies to add" → "add case studies";
 * - "it / this / these / them / that" with nothing before them to stand for replaced by what
 *   they stand for (references.ts), "this working group" by the heading's "Global Policy
 *   Working Group";
 * - what the action is about added after a dash where its words alone do not say it: a verb
 *   with no object ("will follow up", "to report back"), an object that only points elsewhere
 *   ("suggest names", "these approvals"), or a few words whose object the sentence before
 *   introduced ("book the hall" after "find a hall for the open day …");
 * - a verb in the past tense after "and" belongs to whoever spoke, not to the action:
 *   "requested members to view the tasks and encouraged support" stops at "tasks".
 */
export interface ActionWords {
  /** The action's own words, references resolved, for its date words to be taken out. */
  text: string
  /** The same before references were resolved: duplicates are told by these. */
  own: string
  /** What the action is about, from elsewhere, to follow its words after a dash; or null. */
  context: string | null
  /** The words as written, for finding the due date and for telling duplicates apart. */
  raw: string
}

/** Objects that say "what about?" rather than what: "suggest names", "send comments". */
const VAGUE_OBJECTS = new Set(
  'names name details detail examples example thoughts comments feedback views ideas suggestions nominations information info updates update figures numbers data contacts volunteers candidates questions points'.split(
    ' ',
  ),
)
const SHORT_ACTION = 3
/** Nouns of when, not what: "report back at the next meeting" still has no object. */
const TIME_NOUNS = new Set(
  'meeting meetings week weeks month months year years day days time date end start quarter term summer autumn spring winter weekend morning afternoon evening today tomorrow monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec'.split(
    ' ',
  ),
)

export function actionWords(
  commitment: Commitment,
  following: string | null,
  previousBlock: ReadBlock | undefined,
): ActionWords {
  const { block, cue } = commitment
  const tokens = block.analysis.tokens
  const verb = tokens[cue.verb]!
  const end = ownEnd(tokens, cue.verb, commitment.end)
  const endChar = tokens[end - 1]?.end ?? verb.end
  const raw = block.text.slice(verb.start, Math.max(verb.end, endChar))

  const head = [cue.form === 'marked' ? verb.text : baseForm(verb)]
  if (cue.object) head.push(span(block, cue.object[0], cue.object[1]))
  if ((cue.form === 'passive' || cue.form === 'agreed-passive') && commitment.subject) {
    const patient = span(block, commitment.subject[0], commitment.subject[1])
    head.push(
      patient
        .replace(/^(?:that|:)\s*/i, '')
        .replace(/^(?:The|A|An|This|These)\b/, (w) => w.toLowerCase()),
    )
  }
  // What follows the verb, with a passive's "by ABC" left out and, after "own creating the
  // repos, and driving …", every -ing verb of the list in its base form.
  const edits: { start: number; end: number; text: string }[] = []
  if (cue.skip) {
    edits.push({ start: tokens[cue.skip[0]]!.start, end: tokens[cue.skip[1] - 1]!.end, text: '' })
  }
  if (/ing$/.test(verb.normal)) {
    for (let i = cue.verb + 1; i < end; i++) {
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

  const words = tokens.slice(cue.verb + 1, end)
  let text = tidy(`${head.join(' ')}${rest}`)
  const own = text
  const resolved = resolveReferences(text, block, commitment.clause.sentence)
  text = resolved.text
  // "this might be one for RFB to pick up": what "this" is, the clause before says.
  // "think about this" with "this" resolved says what it is about already.
  const extra =
    cue.form === 'for' ||
    (text === own &&
      needsContext(words, text, cue.object !== undefined, block, commitment.clause.sentence))
      ? (following ??
        contextBefore(
          block,
          commitment.clause.sentence,
          previousBlock,
          cue.form === 'for' ? commitment.clause.start : undefined,
        ))
      : resolved.pointsUp && block.parent
        ? shortPhrase(block.parent, 30)
        : undefined
  return {
    text: tidy(text),
    own,
    context: extra && !text.includes(extra) ? tidy(extra) : null,
    raw,
  }
}

/** Stops before ", and encouraged …": a past-tense verb after "and" is the speaker's. */
function ownEnd(tokens: readonly Token[], verb: number, end: number): number {
  for (let i = verb + 2; i < end; i++) {
    const t = tokens[i]!
    // "…and encouraged any support", not "…and associated documentation" (a participle
    // before its noun).
    const next = tokens[i + 1]
    if (
      t.pos === 'VERB' &&
      /ed$/.test(t.normal) &&
      t.normal !== t.lemma &&
      tokens[i - 1]!.normal === 'and' &&
      tokens[i - 2]?.pos !== 'AUX' &&
      !(next && (next.pos === 'NOUN' || next.pos === 'PROPN'))
    ) {
      return i - 1
    }
  }
  return end
}

/**
 * The action says too little on its own: no object after the verb, or only a vague one, or a
 * few words whose definite object the sentence before introduced.
 */
function needsContext(
  words: readonly Token[],
  text: string,
  hasObject: boolean,
  block: ReadBlock,
  sentence: number,
): boolean {
  const isTime = (t: Token | undefined) => !!t && TIME_NOUNS.has(t.normal)
  const nouns = words.filter(
    (t, i) =>
      (t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') &&
      !isTime(t) &&
      !(t.pos === 'NUM' && (isTime(words[i - 1]) || isTime(words[i + 1]))),
  )
  if (!hasObject && nouns.length === 0) return true
  // "read and comment on the draft": the first verb has no object of its own.
  if (!hasObject && words[0]?.normal === 'and') return true
  const first = words.findIndex((t) => t.pos === 'NOUN' || t.pos === 'PROPN')
  if (first >= 0 && first <= 2 && VAGUE_OBJECTS.has(words[first]!.normal)) return true
  const content = contentWords(text)
  if (content.size > SHORT_ACTION) return false
  const before = block.sentences[sentence - 1]
  if (!before) return false
  const shared = [...contentWords(before.text)].some((w) => content.has(w))
  return shared && words.some((t) => t.normal === 'the')
}

function span(block: ReadBlock, from: number, to: number): string {
  const tokens = block.analysis.tokens
  return block.text.slice(tokens[from]!.start, tokens[to - 1]!.end)
}

/**
 * "including" → "include", "circulated" → "circulate"; other words as written. The lemma is
 * American ("organize"): the spelling the minutes use is kept ("organising" → "organise").
 */
function baseForm(token: Token): string {
  if (token.pos !== 'VERB' || token.lemma === token.normal) return token.text
  const british = /(?:is|ys)(?:e|es|ed|ing)$/.test(token.text.toLowerCase())
  return british ? token.lemma.replace(/([iy])z(e)?$/, '$1s$2') : token.lemma
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

const PRONOUNS = new Set(['it', 'this', 'these', 'them', 'that', 'those'])
const DEMONSTRATIVES = new Set(['this', 'these', 'that', 'those', 'the'])

/**
 * Pronouns that open the action's object with nothing before them in it: "circulate it to
 * members" → "circulate the workforce survey to members". `pointsUp`: "these approvals" in a
 * nested item, which only the item above says.
 */
function resolveReferences(
  text: string,
  block: ReadBlock,
  sentence: number,
): { text: string; pointsUp: boolean } {
  const words = text.split(' ')
  for (let i = 1; i < words.length; i++) {
    const word = words[i]!.toLowerCase().replace(/[.,;:]$/, '')
    if (contentWords(words.slice(1, i).join(' ')).size > 1) break
    if (PRONOUNS.has(word) && !isNounAfter(words[i + 1])) {
      const antecedent = antecedentOf(block, sentence)
      if (!antecedent) return { text, pointsUp: false }
      words[i] = antecedent + (words[i]!.match(/[.,;:]$/)?.[0] ?? '')
      return { text: words.join(' '), pointsUp: false }
    }
    if (DEMONSTRATIVES.has(word) && words[i + 1]) {
      const named = demonstrativeName(words.slice(i + 1, i + 4), block)
      if (named) {
        words.splice(i, named.used + 1, named.name)
        return { text: words.join(' '), pointsUp: false }
      }
      if (word === 'these' || word === 'those') return { text, pointsUp: true }
    }
  }
  return { text, pointsUp: false }
}

function isNounAfter(word: string | undefined): boolean {
  return (
    !!word &&
    /^\p{Ll}[\p{Ll}-]+$/u.test(word) &&
    !/^(?:to|and|on|for|with|at|in|by|up|out|back|over|as|from|when|if|once)$/.test(word)
  )
}
