import type { Commitment } from './commitments/commitments.ts'
import { dueFor, withoutDueWords, type Due } from './due.ts'
import type { ReadBlock, ReadDocument } from './read/document.ts'
import { actionWords } from './texts/whole-text.ts'
import type { Owner } from './owners/subject.ts'
import { ALL, type ActionStatus, type Owners } from './types.ts'

/**
 * Actions as the pipeline proposes them: the commitments of the prose (with their whole texts
 * and due dates) and the rows of actions tables. `strength` is how sure the reading is, 0 to 1.
 */
export interface ActionCandidate extends Owners, Due {
  /** How the owner was found: `context` when the layout made it everyone's. */
  ownerVia: Owner['via']
  /** The action's own words, without what was added from elsewhere: duplicates are told by them. */
  core: string
  /** The sentence of the block it is in. */
  sentence: number
  /**
   * It goes on from the action before it: "Then we'll document …", "… – I will present it":
   * opened by "then", or its object only a pronoun.
   */
  followOn: boolean
  /** What was added after a dash because its own words did not say what about, or null. */
  added: string | null
  /** It is an "Action:" line: a restatement of what the discussion just said, if it said it. */
  labelled: boolean
  block: ReadBlock
  /** Offsets in the block of the text the action came from. */
  start: number
  end: number
  text: string
  assignee: string | null
  /** "open", or what an action log's status column says. */
  status: ActionStatus
  strength: number
  reason: string
}

export function proseActions(
  doc: ReadDocument,
  commitments: readonly Commitment[],
  meetingDate: string,
  onError?: (stage: string, error: unknown) => void,
): ActionCandidate[] {
  const actionSentences = new Map<ReadBlock, Set<number>>()
  for (const c of commitments) {
    const set = actionSentences.get(c.block) ?? new Set<number>()
    set.add(c.clause.sentence)
    actionSentences.set(c.block, set)
  }
  const out: ActionCandidate[] = []
  for (const c of commitments) {
    // One action that cannot be read never costs the others.
    try {
      const action = proseAction(doc, c, meetingDate, actionSentences)
      if (action) out.push(action)
    } catch (error) {
      onError?.('whole texts', error)
    }
  }
  return out
}

function proseAction(
  doc: ReadDocument,
  c: Commitment,
  meetingDate: string,
  actionSentences: Map<ReadBlock, Set<number>>,
): ActionCandidate | undefined {
  const { block } = c
  const words = actionWords(c, objectAfterDash(c), doc.blocks[block.index - 1])
  const fielded = c.dueText ? dueFor(c.dueText, scope(doc, c, meetingDate, actionSentences)) : null
  const due = fielded ?? dueFor(words.raw, scope(doc, c, meetingDate, actionSentences))
  const sentence = block.sentences[c.clause.sentence]!
  const own = tidy(withoutDueWords(words.text, due.dueText))
  if (own === '') return undefined
  const text = words.context ? `${own} – ${words.context}` : own
  return {
    block,
    start: sentence.start,
    end: sentence.end,
    text: capitalisedLike(text),
    core: tidy(withoutDueWords(words.own, due.dueText)),
    sentence: c.clause.sentence,
    followOn: followsOn(c, words.own),
    added: words.context,
    labelled: c.context === 'action',
    ownerVia: c.owner.via,
    owners: c.owner.owners,
    unknownOwners: c.owner.unknownOwners,
    assignee: c.owner.assignee,
    status: 'open',
    ...due,
    strength: c.strength,
    reason: due.via ? `${c.reason}; due ${due.via}` : c.reason,
  }
}

function scope(
  doc: ReadDocument,
  c: Commitment,
  meetingDate: string,
  actionSentences: Map<ReadBlock, Set<number>>,
) {
  return {
    doc,
    meetingDate,
    block: c.block,
    sentence: c.clause.sentence,
    actionSentences: actionSentences.get(c.block) ?? new Set<number>(),
  }
}

function followsOn(c: Commitment, own: string): boolean {
  const first = c.block.analysis.tokens[c.clause.first]
  const second = c.block.analysis.tokens[c.clause.first + 1]
  const opensWithThen =
    first?.normal === 'then' || (first?.normal === 'and' && second?.normal === 'then')
  return opensWithThen || /^\S+\s+(?:it|this|that|them)\b/i.test(own)
}

/** "one for ABC to pick up – a short guide for carers": what the dash adds is the object. */
function objectAfterDash(c: Commitment): string | null {
  const { block } = c
  const tokens = block.analysis.tokens
  const after = block.text.slice(tokens[c.end - 1]?.end ?? 0)
  const m = /^\s*[–—-]\s+((?:a|an|the|some|any|our|their|its)\b[^.;]*)/i.exec(after)
  return m ? m[1]!.trim() : null
}

/** Table rows with an action cell: its text, the owner column's owners, the due column's date. */
export function tableActions(doc: ReadDocument, meetingDate: string): ActionCandidate[] {
  const out: ActionCandidate[] = []
  for (const block of doc.blocks) {
    const row = block.row
    if (!row || row.header || block.inAttendance) continue
    const cell = (role: string) => row.cells[row.roles.indexOf(role as never)]
    const action = cell('action')
    if (!action || action.text.trim().split(/\s+/).length < 2) continue
    const ownerCell = cell('owner')
    const entities = ownerCell
      ? block.entities.filter((e) => e.start >= ownerCell.start && e.end <= ownerCell.end)
      : []
    const ids = entities.flatMap((e) => e.organisationIds)
    const owners = ids.includes(ALL) ? [ALL] : [...new Set(ids)]
    const unknownOwners =
      ownerCell && owners.length === 0 && !/^(?:tbc|tbd|n\/a|-|all)$/i.test(ownerCell.text)
        ? [ownerCell.text]
        : []
    const dueCell = cell('due')
    const due = lastDeadline(
      dueFor(dueCell?.text ?? '', {
        doc,
        meetingDate,
        block,
        sentence: 0,
        actionSentences: new Set([0]),
      }),
      meetingDate,
    )
    const people = entities.filter((e) => e.personId !== null)
    out.push({
      block,
      start: 0,
      end: block.text.length,
      text: tidy(action.text),
      core: tidy(action.text),
      sentence: 0,
      followOn: false,
      added: null,
      labelled: false,
      ownerVia: owners.length > 0 ? 'named' : 'unknown',
      owners: ownerCell && /^all$/i.test(ownerCell.text.trim()) ? [ALL] : owners,
      unknownOwners,
      assignee: entities.length === 1 && people.length === 1 ? people[0]!.personId : null,
      status: statusOf(cell('status')?.text),
      ...due,
      strength: owners.length > 0 ? 0.9 : 0.45,
      reason: `table row: owner "${ownerCell?.text ?? 'none'}"${dueCell ? `, due "${dueCell.text}"` : ''}`,
    })
  }
  return out
}

/**
 * An action log reviewed at the meeting holds deadlines just gone ("30 Sept" at a meeting on
 * 2 October): a day and month with no year read as next year's is last year's when that is
 * at most three months before the meeting.
 */
function lastDeadline(due: Due, meetingDate: string): Due {
  if (!due.due || !due.dueText || /\d{4}/.test(due.dueText)) return due
  const earlier = `${Number(due.due.slice(0, 4)) - 1}${due.due.slice(4)}`
  const meeting = Date.parse(meetingDate)
  const gone = meeting - Date.parse(earlier)
  return gone >= 0 && gone <= RECENT_DEADLINE_DAYS * 86_400_000 ? { ...due, due: earlier } : due
}

const RECENT_DEADLINE_DAYS = 92

/** An action log's status column: "Complete", "In progress", "Dropped". */
function statusOf(text: string | undefined): ActionStatus {
  if (!text) return 'open'
  if (/^(?:complete[d]?|done|closed|finished|achieved)\b/i.test(text.trim())) return 'done'
  if (/^(?:in\s+progress|ongoing|under\s+way|underway|started)\b/i.test(text.trim()))
    return 'in_progress'
  if (/^(?:dropped|withdrawn|cancelled|canceled|no\s+longer)\b/i.test(text.trim())) return 'dropped'
  return 'open'
}

function tidy(text: string): string {
  return text
    .replace(/\s*\(\s*\)/g, '')
    .replace(/\s*\(\s*$/, '')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:.!?–-]+$/, '')
    .replace(/,?\s+(?:and|or)$/, '')
    .trim()
}

/** Lower-case first letter unless the first word is a name or an acronym. */
function capitalisedLike(text: string): string {
  return /^\p{Lu}\p{Ll}/u.test(text) && !/^\p{Lu}\p{Ll}+\s+\p{Lu}/u.test(text)
    ? text.charAt(0).toLowerCase() + text.slice(1)
    : text
}
