import { resolveDue } from '../../dates/resolve-due.ts'
import type { ReadBlock, ReadDocument } from '../read/document.ts'
import type { OwnerMatcher } from '../owners/matcher.ts'
import { resolveSubject, subjectTokens, type Owner } from '../owners/subject.ts'
import { ALL } from '../types.ts'
import { clausesOf, type Clause } from './clauses.ts'
import { findCues, INTENTIONS, type Cue, type Form } from './cues.ts'

/**
 * The commitments of a document's prose: a cue (cues.ts) with the one who owes it. The owner is
 * the cue's subject; with none, the one the layout names – a speaker ("Kimball: will…"), an
 * "Action:" label or a trailing "(ALC)", the organisation the section is about – or, where the
 * context makes it everyone's ("Action: vote on this", an agreed list, "Please…"), the whole
 * coalition. Each commitment carries a strength: how sure the reading is (confidence.ts turns
 * it into the suggestion's score).
 */
export interface Commitment {
  block: ReadBlock
  clause: Clause
  cue: Cue
  owner: Owner
  /** Token index where the action's words end (the next commitment's subject, or the clause end). */
  end: number
  /** Token range of the subject (a passive's patient goes after its verb). */
  subject: [number, number] | null
  strength: number
  /** Why it was read as a commitment. */
  reason: string
  /** The block owes its action to an "Action:" label, an actions list or an agreed list. */
  context: 'action' | 'agreed' | null
  /** Date words given apart from the action: "Due: 5 May", "By: end of June". */
  dueText: string | null
}

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
const HEDGE = /\b(?:might|may|perhaps|possibly|maybe|probably|could)\b/i
/** "I think we will get participation": a forecast, not a promise. */
const OPINION = /(?:^|\bI\s+)(?:think|believe|expect|hope|guess|feel|suppose)\b/i
/** "if you can", "if not already done", "if required": a condition on the whole clause. */
const CONDITION =
  /\bunless\b|\bif\s+(?:you|they|we|not|required|needed|necessary|possible|appropriate|any|there|so|desired|wanted)\b(?![^.;]*\balready\b)/i
const ASK_LABEL = /^(?:joint\s+|our\s+|shared\s+|key\s+)?asks?\b/i
/** A line that only labels what follows: "Key action - absolute top urgent imperative ...". */
const ACTION_LEAD_LINE = /^\s*(?:key\s+|agreed\s+)?actions?\b\s*(?:[:–—-]|$)/i
const AGREED_BEFORE = /\b(?:agreed|decided|resolved|agreement)\b[^.;]*$/i

const BASE: Record<Form, number> = {
  modal: 0.8,
  infinitive: 0.85,
  control: 0.8,
  passive: 0.75,
  question: 0.7,
  would: 0.65,
  should: 0.6,
  must: 0.65,
  for: 0.65,
  asked: 0.65,
  possession: 0.55,
  needed: 0.6,
  progressive: 0.45,
  'agreed-passive': 0.5,
  please: 0.6,
  imperative: 0.5,
  marked: 0.85,
}

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
    // ("…summary – ALC", "ACTION: JD"), complete the action just before them.
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
    // "Riaan - send these…" hands Riaan a task; "Gordon: put forward motion" reports speech.
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
      const turn = { speaker, presenter, inherited, assigned, labelled: spoken !== undefined }
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

/** "Security Tooling - Ryan Ware": the person a heading or parent item gives the notes under it to. */
function presenterOf(block: ReadBlock, matcher: OwnerMatcher): Owner | null {
  for (const text of [...block.ancestors, block.headings[0]]) {
    if (!text) continue
    const tail = /(?:\s[–-]\s|\()\s*([^–()-]{2,40}?)\s*\)?\s*$/.exec(text)
    if (!tail) continue
    const [person] = matcher.entities(tail[1]!).filter((e) => e.kind === 'person')
    if (person && person.text.trim() === tail[1]!.trim()) {
      return {
        owners: person.organisationIds,
        unknownOwners: person.organisationIds.length === 0 ? [person.text] : [],
        assignee: person.personId,
        label: person.text,
        via: 'speaker',
      }
    }
  }
  return null
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

interface Turn {
  /** Who is speaking, from a "Name:" or "Name -" earlier in the block. */
  speaker: Owner | null
  /** Whose notes these are, from "Security Tooling - Ryan Ware" above them: "I", "we". */
  presenter: Owner | null
  /** The owner of the action this item is a step of. */
  inherited: Owner | null
  /** The clause's own label is its owner's, after a dash: "Riaan - send …". */
  assigned: boolean
  /** The clause's own label names someone. */
  labelled: boolean
}

function readCue(
  block: ReadBlock,
  clause: Clause,
  cue: Cue,
  matcher: OwnerMatcher,
  turn: Turn,
  context: Commitment['context'],
  meetingDate: string,
  question: boolean,
): Commitment | undefined {
  const speaker = turn.speaker
  const tokens = block.analysis.tokens
  const clauseText = block.text.slice(clause.start, clause.stop)
  let owner: Owner | undefined
  let subject: [number, number] | null = null
  let strength = BASE[cue.form]
  const reasons: string[] = []

  if (cue.agent && cue.form !== 'passive') {
    const resolved = resolveSubject(block, cue.agent, matcher, speaker)
    if (!resolved || (cue.form === 'asked' && resolved.via === 'unknown')) return undefined
    owner = resolved
  } else {
    subject = subjectTokens(tokens, clause.first, cue.at, block.entities)
    if (cue.form === 'passive' && cue.agent) {
      const agent = resolveSubject(
        block,
        cue.agent.map((i, n) => (n === 0 ? i + 1 : i)) as [number, number],
        matcher,
        speaker,
      )
      if (!agent) return undefined
      owner = agent
    } else if (subject) {
      const resolved = resolveSubject(block, subject, matcher, speaker ?? turn.presenter)
      if (resolved) {
        owner = resolved
        // The subject is what resolved: "…parcels, and SP will" is SP's from "SP" on.
        const from = tokens.findIndex((t) => t.start >= resolved.start)
        if (from >= subject[0] && from < subject[1]) subject = [from, subject[1]]
      } else if (cue.form !== 'agreed-passive' && cue.form !== 'needed') return undefined
    } else if (cue.form === 'imperative') {
      // Only an instruction the layout gives someone is an action.
      if (!context && !turn.assigned) return undefined
    } else if (cue.form === 'please') {
      owner = trailingOwner(block, clause) ?? everyone()
    } else if (
      !speaker &&
      !context &&
      !['needed', 'modal', 'would', 'control'].includes(cue.form)
    ) {
      return undefined
    }
  }

  if (!owner) {
    if (cue.form === 'agreed-passive' && !context) return undefined
    const coordinated = /^(?:and|but)$/.test(tokens[cue.at - 1]?.normal ?? '')
    if (
      coordinated ||
      ((cue.form === 'modal' || cue.form === 'would' || cue.form === 'control') &&
        !speaker &&
        !context)
    ) {
      // "… and will follow up": the subject of the clause's first verb, whoever is speaking.
      const shared = sharedSubject(block, clause, cue, matcher, speaker)
      if (!shared) return undefined
      owner = shared
    } else {
      owner = contextOwner(block, clause, speaker ?? turn.inherited, context, cue)
    }
  }
  if (!owner) return undefined
  if (cue.form === 'progressive' && context !== 'action' && !futureDate(clauseText, meetingDate))
    return undefined

  // "aims to improve …" says what someone means to do; with a date it is a plan to hold them to.
  const said = tokens[cue.verb - 2]
  if (cue.form === 'control' && said && INTENTIONS.has(said.lemma)) {
    // Someone's own "looking to set up …" is their plan; "X aims to improve …" a hope.
    strength -= futureDate(clauseText, meetingDate) || owner.via === 'speaker' ? 0.1 : 0.25
  }
  if (owner.via === 'unknown') strength = Math.min(strength, 0.35)
  // "ACR has case studies to add" is a task; "we have lots of good work to do" a remark.
  if (cue.form === 'possession') strength += owner.owners[0] === ALL ? -0.05 : 0.05
  if (owner.via === 'pronoun' || owner.via === 'speaker') strength -= 0.05
  // "The group plans to…" in someone's turn is as likely their own group as the coalition.
  if (owner.owners[0] === ALL && speaker && owner.via !== 'context') strength -= 0.15
  // "Riaan - send these approvals": an item handed to someone by name.
  if (cue.form === 'imperative' && turn.assigned) strength = Math.max(strength, 0.8)
  // "asked Evan to explain" in a narrative is often done there and then; "asked the TAC to…" is not.
  if (cue.form === 'asked' && owner.owners[0] !== ALL && !cue.word.endsWith('that')) strength -= 0.1
  if (context === 'action') strength += 0.15
  else if (context === 'agreed') strength += 0.1
  const beforeVerb = block.text.slice(clause.start, tokens[cue.verb]!.start)
  if (CONDITION.test(clauseText) || /\bif\b/i.test(beforeVerb)) {
    strength -= 0.3
    reasons.push('conditional')
  }
  if (HEDGE.test(beforeVerb) && cue.form !== 'question' && cue.form !== 'for') {
    strength -= 0.2
    reasons.push('hedged')
  }
  if (OPINION.test(beforeVerb)) {
    strength -= 0.3
    reasons.push('an opinion')
  }
  if (question && cue.form !== 'question') strength -= 0.2
  return {
    block,
    clause,
    cue,
    owner,
    end: clause.end,
    subject,
    strength: Math.max(0, Math.min(0.95, strength)),
    reason: [
      `${owner.via === 'context' ? owner.label : `owner "${owner.label}"`} + ${cue.form} "${cue.word}" + verb "${tokens[cue.verb]!.text}"`,
      ...reasons,
    ].join('; '),
    context,
    dueText: null,
  }
}

/** The label before a colon or dash, as an owner: "Kimball:", "[Riaan] -", "ACTION – ALC:". */
function ownerOfLabel(block: ReadBlock, label: string, matcher: OwnerMatcher): Owner | undefined {
  const bare = label.replace(/^\[|\]$/g, '')
  const found = matcher.entities(bare)
  const inAnyCase = found.length === 0 ? matcher.personInAnyCase(bare) : undefined
  const entities = inAnyCase ? [inAnyCase] : found
  if (entities.length === 0) return undefined
  const rest = entities.reduce((t, e) => t.replace(e.text, ' '), label.replace(/[[\]]/g, ' '))
  if (!/^[\s,&/()]*(?:(?:and|action|actions|owner|lead|by)[\s,&/()]*)*$/i.test(rest))
    return undefined
  const ids = entities.flatMap((e) => e.organisationIds)
  const people = entities.filter((e) => e.personId !== null)
  void block
  return {
    owners: ids.includes(ALL) ? [ALL] : [...new Set(ids)],
    unknownOwners: entities
      .filter((e) => e.kind === 'person' && e.organisationIds.length === 0)
      .map((e) => e.text),
    assignee: entities.length === 1 && people.length === 1 ? people[0]!.personId : null,
    label,
    via: 'speaker',
  }
}

function ownerOnlyClause(
  block: ReadBlock,
  clause: Clause,
  matcher: OwnerMatcher,
): Owner | undefined {
  const text = block.text.slice(clause.start, clause.stop).replace(/^\(|\)$/g, '')
  if (text.length > 60) return undefined
  const owner = ownerOfLabel(block, text, matcher)
  return owner ? { ...owner, via: 'named' } : undefined
}

function contextOwner(
  block: ReadBlock,
  clause: Clause,
  speaker: Owner | null,
  context: Commitment['context'],
  cue: Cue,
): Owner | undefined {
  const trailing = trailingOwner(block, clause)
  if (trailing) return trailing
  if (speaker) return speaker
  const [org] = block.sectionOrganisations
  if (block.sectionOrganisations.length === 1 && org) {
    return {
      owners: [org],
      unknownOwners: [],
      assignee: null,
      label: `the section about ${org}`,
      via: 'heading',
    }
  }
  if (context || cue.form === 'please' || cue.form === 'needed') return everyone()
  return undefined
}

function everyone(): Owner {
  return { owners: [ALL], unknownOwners: [], assignee: null, label: 'everyone', via: 'context' }
}

/** "(ALC)" or "/ LH" closing the clause's sentence. */
function trailingOwner(block: ReadBlock, clause: Clause): Owner | undefined {
  const sentence = block.sentences[clause.sentence]
  if (!sentence) return undefined
  const match = /(?:\(([^()]{1,40})\)|\s\/\s*([^/]{1,30}))\s*[.;]?\s*$/.exec(sentence.text)
  if (!match) return undefined
  const from = sentence.start + match.index
  const entities = block.entities.filter((e) => e.start >= from && e.end <= sentence.end)
  if (entities.length === 0) return undefined
  const ids = entities.flatMap((e) => e.organisationIds)
  if (ids.length === 0) return undefined
  return {
    owners: ids.includes(ALL) ? [ALL] : [...new Set(ids)],
    unknownOwners: [],
    assignee: entities.length === 1 ? entities[0]!.personId : null,
    label: block.text.slice(entities[0]!.start, entities.at(-1)!.end),
    via: 'named',
  }
}

/** "COSLA was not aware of the concerns and will follow up": the first verb's subject. */
function sharedSubject(
  block: ReadBlock,
  clause: Clause,
  cue: Cue,
  matcher: OwnerMatcher,
  speaker: Owner | null,
): Owner | undefined {
  const tokens = block.analysis.tokens
  const before = tokens[cue.at - 1]
  if (!before || !/^(?:and|but)$/.test(before.normal)) return undefined
  let verb = clause.first
  while (verb < cue.at && tokens[verb]!.pos !== 'AUX' && tokens[verb]!.pos !== 'VERB') verb++
  if (verb >= cue.at - 1) return undefined
  const range = subjectTokens(tokens, clause.first, verb, block.entities)
  return range ? resolveSubject(block, range, matcher, speaker) : undefined
}

function futureDate(text: string, meetingDate: string): boolean {
  const { due } = resolveDue(text, meetingDate)
  return due !== null && due > meetingDate
}
