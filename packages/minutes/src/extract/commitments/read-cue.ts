import { resolveDue } from '../../dates/resolve-due.ts'
import type { OwnerMatcher } from '../owners/matcher.ts'
import { resolveSubject, subjectTokens, type Owner } from '../owners/subject.ts'
import type { ReadBlock } from '../read/document.ts'
import { ALL } from '../types.ts'
import type { Clause } from './clauses.ts'
import { INTENTIONS, type Cue, type Form } from './cues.ts'
import { contextOwner, everyone, trailingOwner } from './layout-owners.ts'
import type { Commitment, Turn } from './types.ts'

/**
 * One cue read as a commitment, or not: its owner (the subject, the one the cue itself names,
 * the layout's) and its strength – the cue's own, less for an owner nobody knows, a condition,
 * a hedge, an opinion, an intention with no date, a narrative request.
 */
const HEDGE = /\b(?:might|may|perhaps|possibly|maybe|probably|could)\b/i
/** "I think we will get participation": a forecast, not a promise. */
const OPINION = /(?:^|\bI\s+)(?:think|believe|expect|hope|guess|feel|suppose)\b/i
/** "if you can", "if not already done", "if required": a condition on the whole clause. */
const CONDITION =
  /\bunless\b|\bif\s+(?:you|they|we|not|required|needed|necessary|possible|appropriate|any|there|so|desired|wanted)\b(?![^.;]*\balready\b)/i
/** "to find out if the council will…", "asking if": an "if" that asks a question sets no condition. */
const ASKING_IF =
  /\b((?:establish|ask|check|see|find\s+out|know|determine|confirm|enquire|inquire|investigate|explore|wonder|query)(?:s|es|ed|ing)?)\s+if\b/gi
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

export function readCue(
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
  // "I'm drafting the tenants' guide": someone's own work in hand is a commitment; another's
  // ("X is organising an assembly") only when it is planned for a date to come.
  const firstPerson =
    subject !== null &&
    subject[1] - subject[0] === 1 &&
    /^(?:i|we)$/.test(tokens[subject[0]]!.normal)
  const ownWork = cue.form === 'progressive' && owner.via === 'speaker' && firstPerson
  if (ownWork) strength = 0.65
  if (
    cue.form === 'progressive' &&
    !ownWork &&
    context !== 'action' &&
    !futureDate(clauseText, meetingDate)
  )
    return undefined

  // "aims to improve …" says what someone means to do; with a date it is a plan to hold them to.
  const said = tokens[cue.verb - 2]
  if (cue.form === 'control' && said && INTENTIONS.has(said.lemma)) {
    // Someone's own "looking to set up …" is their plan; "X aims to improve …" a hope.
    strength -= futureDate(clauseText, meetingDate) || owner.via === 'speaker' ? 0.1 : 0.25
  }
  if (owner.via === 'unknown') strength = Math.min(strength, 0.35)
  // "ACR has case studies to add" is a task; "we have plenty still to do" a remark.
  if (cue.form === 'possession') strength += owner.owners[0] === ALL ? -0.05 : 0.05
  if (owner.via === 'pronoun' || owner.via === 'speaker') strength -= 0.05
  // "The group plans to…" in someone's turn is as likely their own group as the coalition.
  if (owner.owners[0] === ALL && speaker && owner.via !== 'context') strength -= 0.15
  // "Ines - send the rota": an item handed to someone by name.
  if (cue.form === 'imperative' && turn.assigned) strength = Math.max(strength, 0.8)
  // "asked Joan to explain" in a narrative is often done there and then; "asked the board to…" is not.
  if (cue.form === 'asked' && owner.owners[0] !== ALL && !cue.word.endsWith('that')) strength -= 0.1
  if (context === 'action') strength += 0.15
  else if (context === 'agreed') strength += 0.1
  const beforeVerb = block.text
    .slice(clause.start, tokens[cue.verb]!.start)
    .replace(ASKING_IF, '$1 whether')
  if (CONDITION.test(clauseText.replace(ASKING_IF, '$1 whether')) || /\bif\b/i.test(beforeVerb)) {
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

/** "SP had not seen the letter and will follow up": the first verb's subject. */
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
