import type { OwnerMatcher } from '../owners/matcher.ts'
import { subjectTokens, type Owner } from '../owners/subject.ts'
import type { ReadBlock, ReadDocument } from '../read/document.ts'
import { clausesOf, quotedExamples, type Clause } from './clauses.ts'
import { findCues } from './cues.ts'
import { ownerOfLabel, ownerOnlyClause, presenterOf } from './layout-owners.ts'
import { readCue } from './read-cue.ts'
import type { Commitment } from './types.ts'

export type { Commitment } from './types.ts'

/*
 * Reading a document's commitments, block by block and clause by clause: the context the
 * layout gives a block (an actions list, an agreed list, the step of an action above it), the
 * speaker a label names, the fields of an action log that complete the action before them, and
 * the "[Action: JA]" that makes the sentence before it JA's.
 */

const ACTION_LABEL =
  /^(?:key\s+|agreed\s+|new\s+)?actions?(?:\s+(?:points?|items?|agreed|arising|required))?(?:\s*\d+[a-z]?)?$|^ap\s*\d*$|^next\s+steps?$|^to\s+do$|^follow[-\s]?ups?$/i
const AGREED_LABEL =
  /^(?:(?:it\s+was\s+)?agreed(?:\s+that)?|decided|resolved|outcomes?|the\s+upshot\s+is\s+that)$/i
const DECISION_LABEL = /^(?:decisions?|decided|resolved)$/i
/** Fields of an action log, on the action's line or the lines after it. */
const OWNER_FIELD =
  /^(?:owners?|leads?|responsible|responsibility|who|by\s+whom|action\s+by|actioned\s+by|assigned\s+to|action\s+owner|person\s+responsible)$/i
const DUE_FIELD =
  /^(?:due|due\s+date|due\s+by|by|by\s+when|deadline|target\s+date|timescales?|timeframe|when|complete\s+by)$/i
/** How many blocks after an action its log's fields may come. */
const FIELD_REACH = 3
const ASKS_LEAD = /\basks?\b/i
const ACTIONS_LEAD = /\b(?:actions?|next\s+steps|to\s+do|action\s+points|follow[-\s]?ups?)\b/i
const AGREED_LEAD = /\b(?:agreed|upshot|outcomes?|resolved|decided)\b/i
const ACTIONS_HEADING =
  /^(?:\d+[.)]?\s*)?(?:agreed\s+|new\s+|summary\s+of\s+)?(?:actions?(?:\s+(?:points?|log|list|agreed|arising|table))?|next\s+steps|action\s+table)\b/i
const NO_ACTION = /\bno\s+(?:further\s+)?actions?\b/i
const ASK_LABEL = /^(?:joint\s+|our\s+|shared\s+|key\s+)?asks?\b/i
/** A line that only labels what follows: "Key action – top priority …". */
const ACTION_LEAD_LINE = /^\s*(?:key\s+|agreed\s+)?actions?\b\s*(?:[:–—-]|$)/i
const AGREED_BEFORE = /\b(?:agreed|decided|resolved|agreement)\b[^.;]*$/i

/** `context`: the whole document is of one kind (an action node's own words are an action). */
export function findCommitments(
  doc: ReadDocument,
  matcher: OwnerMatcher,
  meetingDate: string,
  context?: Commitment['context'],
): Commitment[] {
  const found: Commitment[] = []
  const state: ReadingState = { found, unread: null }
  /** The owner of the last commitment in each block, by the block's text, for its sub-items. */
  const owed = new Map<string, Owner>()
  for (const block of doc.blocks) {
    if (block.kind === 'heading' || block.row || block.inAttendance) continue
    if (block.titleLine && !context) continue
    const previous = doc.blocks[block.index - 1]
    // The items under an action are its steps: "the TAC will update …" then "- review all …".
    const inherited = block.parent !== null ? owed.get(block.parent.trim()) : undefined
    const own = context ?? blockContext(block, previous) ?? (inherited ? 'action' : null)
    const before = found.length
    blockCommitments(block, own, matcher, meetingDate, state, inherited ?? null)
    const last = found.slice(before).at(-1)
    if (last) owed.set(block.text.trim(), last.owner)
  }
  return found
}

interface ReadingState {
  found: Commitment[]
  /** The last clause that committed no one, for an "[Action: JA]" after it to make an action. */
  unread: Clause | null
}

function blockContext(block: ReadBlock, previous: ReadBlock | undefined): Commitment['context'] {
  if (block.kind === 'listItem' && block.lead !== null) {
    if (ASKS_LEAD.test(block.lead)) return null
    if (ACTIONS_LEAD.test(block.lead)) return 'action'
    if (AGREED_LEAD.test(block.lead)) return 'agreed'
  }
  if (block.headings[0] && ACTIONS_HEADING.test(block.headings[0])) return 'action'
  if (previous && previous.kind !== 'heading' && ACTION_LEAD_LINE.test(previous.text)) {
    return 'action'
  }
  return null
}

function blockCommitments(
  block: ReadBlock,
  base: Commitment['context'],
  matcher: OwnerMatcher,
  meetingDate: string,
  state: ReadingState,
  inherited: Owner | null,
): void {
  const out = state.found
  const tokens = block.analysis.tokens
  const presenter = presenterOf(block, matcher)
  const examples = quotedExamples(block.text)
  const quoted = (i: number) =>
    examples.some(([start, end]) => start <= tokens[i]!.start && tokens[i]!.end <= end)
  const named = (i: number) => {
    const t = tokens[i]!
    return block.entities.some((e) => e.start <= t.start && t.end <= e.end)
  }
  let speaker: Owner | null = null
  for (const clause of clausesOf(block)) {
    const sentence = block.sentences[clause.sentence]
    const sentenceText = sentence?.text ?? ''
    const labelOwners = clause.labels.map((l) => ownerOfLabel(block, l, matcher))
    const spoken = labelOwners.findLast((o) => o !== undefined)
    if (spoken) speaker = spoken
    if (
      clause.labels.some((l) => DECISION_LABEL.test(l) || ASK_LABEL.test(l)) ||
      NO_ACTION.test(sentenceText)
    )
      continue
    const context: Commitment['context'] = clause.labels.some((l) => ACTION_LABEL.test(l))
      ? 'action'
      : clause.labels.some((l) => AGREED_LABEL.test(l)) ||
          AGREED_BEFORE.test(block.text.slice(sentence?.start ?? 0, clause.start))
        ? 'agreed'
        : base

    // Fields of an action log ("Owner: JD", "Due: 5 May"), and a clause that is only owners
    // ("…summary – SP", "ACTION: JD"), complete the action just before them.
    const last = out.at(-1)
    const near = last !== undefined && block.index - last.block.index <= FIELD_REACH
    const field = clause.labels.at(-1) ?? ''
    const clauseText = block.text.slice(clause.start, clause.stop)
    if (DUE_FIELD.test(field)) {
      if (near && last.dueText === null) last.dueText = clauseText
      continue
    }
    const ownersOnly = ownerOnlyClause(block, clause, matcher)
    if (ownersOnly || OWNER_FIELD.test(field)) {
      const marker = ACTION_LABEL.test(field)
      const justBefore =
        last !== undefined &&
        ((last.block === block && clause.sentence - last.clause.sentence <= 1) ||
          (last.block.index === block.index - 1 && clause.sentence === 0))
      if (
        ownersOnly &&
        near &&
        (last.owner.via === 'context' || OWNER_FIELD.test(field) || (marker && justBefore))
      ) {
        last.owner = ownersOnly
        last.reason += `; owner "${ownersOnly.label}" given after it`
        last.strength = Math.max(last.strength, 0.85)
      } else if (ownersOnly && marker && state.unread) {
        // "A paper to be brought to the next meeting. [Action: JA]": the sentence is JA's.
        const marked = markedAction(state.unread, ownersOnly, matcher)
        if (marked) out.push(marked)
      }
      state.unread = null
      continue
    }

    const question = sentenceText.trimEnd().endsWith('?')
    // "Ines - send the rota…" hands Ines a task; "Maya: raised the rents" reports speech.
    const assigned = clause.labelMark === '-' && labelOwners.at(-1) !== undefined
    const cues = findCues(
      tokens,
      clause.first,
      clause.end,
      question,
      context !== null || assigned,
      named,
    )
    const readings: Commitment[] = []
    for (const cue of cues) {
      if (quoted(cue.verb)) continue
      const turn = { speaker, presenter, inherited, assigned }
      const reading = readCue(block, clause, cue, matcher, turn, context, meetingDate, question)
      if (reading) readings.push(reading)
    }
    // Each reading's words run up to the next one's subject.
    // (A name nobody knows after a verb is more likely its object: "ask the Committee should…")
    readings.forEach((r, i) => {
      const next = readings.slice(i + 1).find((n) => n.owner.via !== 'unknown')
      r.end = next ? Math.max(r.cue.verb + 1, next.subject?.[0] ?? next.cue.at) : clause.end
    })
    state.unread = readings.length === 0 ? clause : null
    out.push(
      ...readings.filter(
        (r, i) =>
          !readings
            .slice(0, i)
            .some(
              (p) =>
                p.cue.verb < r.cue.verb &&
                r.cue.verb < p.end &&
                r.owner.owners.join() === p.owner.owners.join(),
            ),
      ),
    )
  }
}

/** A clause with no cue of its own made an action by the "[Action: …]" marker after it. */
function markedAction(clause: Clause, owner: Owner, matcher: OwnerMatcher): Commitment | undefined {
  const { block } = clause
  const tokens = block.analysis.tokens
  const cue = findCues(tokens, clause.first, clause.end, false, true).find(
    (c) => c.form !== 'progressive',
  ) ?? { form: 'marked' as const, at: clause.first, verb: clause.first, word: 'Action' }
  void matcher
  return {
    block,
    clause,
    cue,
    owner: { ...owner, via: 'named' },
    end: clause.end,
    subject: subjectTokens(tokens, clause.first, cue.at, block.entities),
    strength: 0.85,
    reason: `"Action: ${owner.label}" after the sentence`,
    context: 'action',
    dueText: null,
  }
}
