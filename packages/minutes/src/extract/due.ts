import { resolveDue, type ResolvedDue } from '../dates/resolve-due.ts'
import type { ReadBlock, ReadDocument } from './read/document.ts'
import { contentWords } from './words.ts'

/**
 * An action's due date, read from its own words first, then from what is around it:
 *
 * - "on budget day": an event day resolves to a date written earlier in the same section, in a
 *   sentence naming the event or, when the section's heading names it ("Spring budget"), the
 *   section's first date ("The Chancellor's statement is expected on the 26th").
 * - no date words at all: the date of one of the two sentences before it in the same block,
 *   when that sentence is not itself an action and the action points back at it ("it", "them",
 *   "this") or shares a content word with it ("… ask the MPs before Christmas. VFC to contact
 *   the MPs' offices").
 */
export interface Due extends ResolvedDue {
  dueUnparsed: boolean
  /** Where the date came from, for the reason; null when from the action's own words. */
  via: string | null
}

const EVENT_DAY = /^(\S+)\s+day$/i
/** "the workshop on 10 March": the date of an event named before it. */
const EVENT_BEFORE =
  /\b(?:meeting|workshop|event|conference|session|call|summit|hustings|rally|assembly|visit|committee|forum|launch|ceremony|seminar|webinar|briefing|reception|training|festival|fair|march|vigil|debate|hearing)s?\s+(?:on|at|in)\s+(?:the\s+)?$/i
/** Actions done at an event, whose date is their deadline: "present the survey at the forum on 5 May". */
const TIED = new Set(
  'attend present speak raise table bring report deliver give hold run host chair lead join feed update demonstrate represent launch open organise organize introduce propose put'.split(
    ' ',
  ),
)
/** A sentence that only gives a date: "Next meeting April 16." */
const DATE_ONLY_WORDS = 3
const BACK_REFERENCE = /\b(?:it|them|this|these|those|that)\b/i
const PREPOSITION =
  /\s*\b(?:by|before|on|until|till|no\s+later\s+than|within|in|during|at|for)\s+(?:the\s+)?$/i

export interface DueScope {
  doc: ReadDocument
  meetingDate: string
  block: ReadBlock
  sentence: number
  /** Sentences of the block that produced an action: no date is inherited from them. */
  actionSentences: ReadonlySet<number>
}

export function dueFor(text: string, scope: DueScope): Due {
  const own = eventDateDropped(text, resolveDue(text, scope.meetingDate, scope.doc.hints))
  if (own.dueText !== null && own.due === null) {
    const event = EVENT_DAY.exec(own.dueText)
    const date = event ? eventDate(event[1]!, scope) : null
    if (date)
      return {
        due: date,
        dueText: own.dueText,
        dueUnparsed: false,
        via: `"${own.dueText}" dated in the section`,
      }
  }
  if (own.dueText === null) {
    const inherited = inheritedDue(text, scope)
    if (inherited) return inherited
  }
  return { ...own, dueUnparsed: own.dueText !== null && own.due === null, via: null }
}

/** Removes the due words from the end of an action's text: "circulate the paper by Friday". */
export function withoutDueWords(text: string, dueText: string | null): string {
  if (!dueText) return text
  const index = text.lastIndexOf(dueText)
  if (index < 0 || !/^[\s.,;:!?)]*$/.test(text.slice(index + dueText.length))) return text
  const before = text.slice(0, index)
  const lead = PREPOSITION.exec(before)
  if (lead) return before.slice(0, lead.index).trim()
  if (/^(?:before|by|this|next|within|in|end|tomorrow|today)\b/i.test(dueText)) return before.trim()
  return text
}

function eventDate(word: string, scope: DueScope): string | null {
  const { doc, block } = scope
  const lower = word.toLowerCase()
  const headingNames = block.section.heading?.toLowerCase().includes(lower) ?? false
  let first: string | null = null
  for (const other of doc.blocks) {
    if (other.section.index !== block.section.index || other.kind === 'heading') continue
    for (const [i, sentence] of other.sentences.entries()) {
      if (other.index === block.index && i >= scope.sentence) break
      const { due } = resolveDue(sentence.text, scope.meetingDate)
      if (!due) continue
      if (sentence.text.toLowerCase().includes(lower)) return due
      first ??= due
    }
    if (other.index >= block.index) break
  }
  return headingNames ? first : null
}

/**
 * The date of an event the action only names ("summarise the workshop on 10 March") is no
 * deadline; the action's own verb can tie it to the event ("present at the forum on 5 May").
 */
function eventDateDropped(text: string, found: ResolvedDue): ResolvedDue {
  if (!found.dueText) return found
  const at = text.indexOf(found.dueText)
  if (at < 0 || !EVENT_BEFORE.test(text.slice(0, at))) return found
  const verb = text.trim().split(/\s+/)[0]?.toLowerCase() ?? ''
  return TIED.has(verb) ? found : { due: null, dueText: null }
}

function inheritedDue(text: string, scope: DueScope): Due | null {
  const words = contentWords(text)
  for (let i = scope.sentence - 1; i >= Math.max(0, scope.sentence - 2); i--) {
    if (scope.actionSentences.has(i)) return null
    const sentence = scope.block.sentences[i]!
    const found = resolveDue(sentence.text, scope.meetingDate, scope.doc.hints)
    if (!found.due) continue
    const shared = [...contentWords(sentence.text)].some((w) => words.has(w))
    const rest = sentence.text.replace(found.dueText ?? '', ' ').replace(/^\s*\d+[.)]?\s*/, '')
    const verbs = scope.block.analysis.tokens.filter(
      (t) =>
        t.start >= sentence.start && t.end <= sentence.end && (t.pos === 'VERB' || t.pos === 'AUX'),
    )
    const dateOnly = contentWords(rest).size <= DATE_ONLY_WORDS && verbs.length === 0
    if (!BACK_REFERENCE.test(text) && !shared && !dateOnly) return null
    return { ...found, dueUnparsed: false, via: `"${found.dueText}" from the sentence before` }
  }
  return null
}
