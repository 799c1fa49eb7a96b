import type { ReadBlock, ReadDocument } from './document.ts'
import { dueFor, withoutDueWords, type Due } from './due.ts'
import type { OwnerMatcher } from './owners.ts'
import { clauses, type Span } from './sentences.ts'
import { subjectAt, type Subject } from './subjects.ts'
import { ALL, type Owners } from './types.ts'

/**
 * Commitments in prose and table rows:
 *
 * - "<owner> will / to / agreed to / offered to / is going to / was asked to / said they would
 *   <verb> …", the owner at the start of a clause (after lead-ins such as "Also," or
 *   "Action:") or, except for the bare "to", after ", and"; several in one sentence each get
 *   their own action;
 * - "Can / Could <owner> <verb> …?"; "Please <verb> …" (owed by ALL);
 * - "Action: …" lines and items of a list under an "Actions" heading, whose owner is the
 *   clause's subject, a "(…)" or "– …" at the end, or the organisation the section is about;
 * - table rows with an owner column.
 */
export interface ActionCandidate extends Owners, Due {
  block: ReadBlock
  start: number
  end: number
  text: string
  assignee: string | null
  reason: string
}

const LEAD =
  /^(?:(?:also|then|and|so|additionally|in\s+addition|meanwhile|separately|finally|furthermore|it\s+was\s+agreed\s+that|agreed\s+that)\b[\s,:]*|\p{L}[\p{L} ]{0,24}:\s*)*/iu
const ACTION_LABEL = /^\s*(?:actions?|action\s+points?|ap\s*\d*|to\s+do|next\s+steps?)\s*[:–-]\s*/i
const NO_ACTION = /\bno\s+(?:further\s+)?actions?\b/i
const DECISION_LABEL = /^\s*(?:decisions?|decided|resolved)\s*[:–-]/i
const ACTIONS_LEAD = /\b(?:actions?|next\s+steps|to\s+do|action\s+points)\b/i
const VERB =
  "(?!(?:be|not|have|the|a|an|all|their|our|its|this|that|his|her)\\b)(\\p{Ll}[\\p{L}'’-]*)"
const COMMIT = new RegExp(
  '^\\s*,?\\s*(?:(?:also|jointly|both|together|kindly|each|all|then|now)\\s+)*' +
    '(will(?:\\s+(?:also|jointly|both|each|then|now|kindly))*|shall|to|' +
    '(?:has\\s+|have\\s+)?(?:agreed|offered|volunteered|undertook|undertaken|committed|promised|pledged)\\s+to|' +
    '(?:is|are)\\s+(?:going|due)\\s+to|(?:is|are)\\s+to|(?:was|were|is|are)\\s+(?:asked|requested|invited|encouraged)\\s+to|' +
    'would\\s+be\\s+happy\\s+to|said\\s+(?:they|it|she|he)\\s+would)\\s+' +
    VERB,
  'u',
)
const QUESTION = new RegExp(`^(?:can|could|would|will)\\s+`, 'i')
const QUESTION_VERB = new RegExp(`^\\s+(?:please\\s+)?(?:also\\s+)?${VERB}`, 'u')
const PLEASE = new RegExp(`^please\\s+${VERB}`, 'iu')
const SUBJECTLESS = new RegExp(`^(?:will|to)\\s+${VERB}`, 'iu')
const MID_CLAUSE_SUBJECT = /(?:,\s*(?:and\s+)?|\s+and\s+|\s+while\s+|\s+whilst\s+|\s+but\s+)$/
const TRAILING_OWNER = /\s*(?:\(([^)]*)\)|[–-]\s+([^–-]+))\s*[.;]?$/

interface Commitment {
  subject: Subject
  verbStart: number
  reason: string
}

export function findActions(
  doc: ReadDocument,
  matcher: OwnerMatcher,
  meetingDate: string,
): ActionCandidate[] {
  const found: ActionCandidate[] = []
  for (const block of doc.blocks) {
    if (block.kind === 'heading') continue
    if (block.row) {
      if (!block.row.header) found.push(...tableAction(block, doc, meetingDate))
      continue
    }
    found.push(...proseActions(block, doc, matcher, meetingDate))
  }
  return found
}

function proseActions(
  block: ReadBlock,
  doc: ReadDocument,
  matcher: OwnerMatcher,
  meetingDate: string,
): ActionCandidate[] {
  const perSentence: { sentence: number; clause: Span; commitment: Commitment; end: number }[] = []
  const actionList =
    block.kind === 'listItem' && block.lead !== null && ACTIONS_LEAD.test(block.lead)
  block.sentences.forEach((sentence, index) => {
    if (DECISION_LABEL.test(sentence.text) || NO_ACTION.test(sentence.text)) return
    const labelled = ACTION_LABEL.test(sentence.text) || (actionList && index === 0)
    for (const clause of clauses(sentence)) {
      const commitments = clauseCommitments(block, clause, sentence, matcher)
      if (commitments.length === 0 && labelled && clause.start === sentence.start) {
        const labelledOne = labelledAction(block, clause, matcher)
        if (labelledOne) commitments.push(labelledOne)
      }
      commitments.forEach((commitment, i) => {
        const end = i + 1 < commitments.length ? commitments[i + 1]!.subject.start : clause.end
        perSentence.push({ sentence: index, clause, commitment, end })
      })
    }
  })
  const actionSentences = new Set(perSentence.map((p) => p.sentence))
  return perSentence.map(({ sentence, commitment, end }) => {
    const raw = block.text.slice(commitment.verbStart, end)
    const due = dueFor(raw, { doc, meetingDate, block, sentence, actionSentences })
    const source = block.sentences[sentence]!
    return {
      block,
      start: source.start,
      end: source.end,
      text: tidy(withoutDueWords(tidy(raw), due.dueText)),
      owners: commitment.subject.owners,
      unknownOwners: commitment.subject.unknownOwners,
      assignee: commitment.subject.assignee,
      ...due,
      reason: due.via ? `${commitment.reason}; due ${due.via}` : commitment.reason,
    }
  })
}

function clauseCommitments(
  block: ReadBlock,
  clause: Span,
  sentence: Span,
  matcher: OwnerMatcher,
): Commitment[] {
  const text = block.text
  const lead = LEAD.exec(clause.text)?.[0].length ?? 0
  const start = clause.start + lead
  const body = text.slice(start, clause.end)
  const out: Commitment[] = []

  const question = sentence.text.trimEnd().endsWith('?') ? QUESTION.exec(body) : null
  if (question) {
    const subject = subjectAt(block, start + question[0].length, matcher)
    const verb = subject ? QUESTION_VERB.exec(text.slice(subject.end, clause.end)) : null
    if (subject && verb && subject.owners.length + subject.unknownOwners.length > 0) {
      const verbStart = subject.end + verb[0].length - verb[1]!.length
      return [{ subject, verbStart, reason: `question to "${subject.label}" + verb "${verb[1]}"` }]
    }
  }
  const please = PLEASE.exec(body)
  if (please) {
    const verbStart = start + please[0].length - please[1]!.length
    const subject: Subject = {
      start,
      end: start,
      owners: [ALL],
      unknownOwners: [],
      assignee: null,
      label: 'Please',
    }
    return [{ subject, verbStart, reason: `"Please" + verb "${please[1]}"` }]
  }

  const positions = [start]
  for (const entity of block.entities) {
    if (entity.start <= start || entity.start >= clause.end) continue
    if (MID_CLAUSE_SUBJECT.test(text.slice(start, entity.start))) positions.push(entity.start)
  }
  for (const at of positions) {
    if (out.length > 0 && at < out.at(-1)!.verbStart) continue
    const subject = subjectAt(block, at, matcher)
    if (!subject) continue
    const commit = COMMIT.exec(text.slice(subject.end, clause.end))
    if (!commit || (commit[1] === 'to' && at !== start)) continue
    const verbStart = subject.end + commit[0].length - commit[2]!.length
    const modal = commit[1]!.replace(/\s+/g, ' ')
    out.push({
      subject,
      verbStart,
      reason: `owner "${subject.label}" + "${modal}" + verb "${commit[2]}"`,
    })
  }
  const [sectionOrganisation] = block.sectionOrganisations
  const atSentenceStart = clause.start === sentence.start
  if (
    out.length === 0 &&
    atSentenceStart &&
    block.sectionOrganisations.length === 1 &&
    sectionOrganisation
  ) {
    const bare = SUBJECTLESS.exec(body)
    if (bare) {
      const subject: Subject = {
        start,
        end: start,
        owners: [sectionOrganisation],
        unknownOwners: [],
        assignee: null,
        label: matcher.label(sectionOrganisation),
      }
      const verbStart = start + bare[0].length - bare[1]!.length
      out.push({
        subject,
        verbStart,
        reason: `"${bare[0]}" under the section of "${subject.label}"`,
      })
    }
  }
  return out
}

/** "Action: ALC – circulate the summary", "Action: circulate the summary (ALC)". */
function labelledAction(
  block: ReadBlock,
  clause: Span,
  matcher: OwnerMatcher,
): Commitment | undefined {
  const label = ACTION_LABEL.exec(clause.text)?.[0].length ?? 0
  const start = clause.start + label
  const body = block.text.slice(start, clause.end)
  if (body.trim() === '') return undefined
  const subject = subjectAt(block, start, matcher)
  if (subject && subject.owners.length > 0 && /^\s*[:–-]\s*/.test(block.text.slice(subject.end))) {
    const gap = /^\s*[:–-]\s*/.exec(block.text.slice(subject.end))![0].length
    return {
      subject,
      verbStart: subject.end + gap,
      reason: `action line owned by "${subject.label}"`,
    }
  }
  const trailing = TRAILING_OWNER.exec(body)
  if (trailing) {
    const from = start + trailing.index
    const owners = block.entities.filter((e) => e.start >= from && e.end <= clause.end)
    if (owners.length > 0) {
      const ids = owners.flatMap((e) => e.organisationIds)
      const trailingSubject: Subject = {
        start: owners[0]!.start,
        end: owners.at(-1)!.end,
        owners: ids.includes(ALL) ? [ALL] : [...new Set(ids)],
        unknownOwners: [],
        assignee: null,
        label: block.text.slice(owners[0]!.start, owners.at(-1)!.end),
      }
      return {
        subject: trailingSubject,
        verbStart: start,
        reason: `action line owned by "${trailingSubject.label}"`,
      }
    }
  }
  const section = block.sectionOrganisations
  const fallback: Subject = {
    start,
    end: start,
    owners: section.length === 1 ? section : [],
    unknownOwners: [],
    assignee: null,
    label: section.length === 1 ? matcher.label(section[0]!) : 'no owner',
  }
  return { subject: fallback, verbStart: start, reason: `action line, owner: ${fallback.label}` }
}

function tableAction(block: ReadBlock, doc: ReadDocument, meetingDate: string): ActionCandidate[] {
  const row = block.row!
  const cell = (role: string) => row.cells[row.roles.indexOf(role as never)]
  const action = cell('action')
  if (!action) return []
  const ownerCell = cell('owner')
  const entities = ownerCell
    ? block.entities.filter((e) => e.start >= ownerCell.start && e.end <= ownerCell.end)
    : []
  const ids = entities.flatMap((e) => e.organisationIds)
  const owners = ids.includes(ALL) ? [ALL] : [...new Set(ids)]
  const unknownOwners =
    ownerCell && entities.length === 0 && !/^(?:tbc|tbd|n\/a|-)$/i.test(ownerCell.text)
      ? [ownerCell.text]
      : []
  const dueCell = cell('due')
  const due = dueFor(dueCell?.text ?? '', {
    doc,
    meetingDate,
    block,
    sentence: 0,
    actionSentences: new Set([0]),
  })
  const people = entities.filter((e) => e.personId !== null)
  return [
    {
      block,
      start: 0,
      end: block.text.length,
      text: tidy(action.text),
      owners,
      unknownOwners,
      assignee: entities.length === 1 && people.length === 1 ? people[0]!.personId : null,
      ...due,
      reason: `table row: owner "${ownerCell?.text ?? 'none'}"${dueCell ? `, due "${dueCell.text}"` : ''}`,
    },
  ]
}

function tidy(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.!?–-]+$/, '')
    .replace(/,?\s+(?:and|or)$/, '')
    .trim()
}
