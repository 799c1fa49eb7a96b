import type { Node } from '@tiptap/pm/model'
import { parseIsoDate } from '../dates/calendar.ts'
import type { Language } from '../language/types.ts'
import { proseActions, tableActions, type ActionCandidate } from './actions.ts'
import { findAsks } from './asks/asks.ts'
import { findCommitments } from './commitments/commitments.ts'
import { findDecisions } from './decisions.ts'
import { explicitItems, type Proposal } from './explicit.ts'
import { suggestionKey, uniqueKeys } from './keys.ts'
import { mergeActions } from './merge.ts'
import { createOwnerMatcher } from './owners/matcher.ts'
import { readAttendance, type Attendance } from './participants/attendance.ts'
import { participantsOf } from './participants/participants.ts'
import { positionAt, walk, type ExplicitBlock } from './read/blocks.ts'
import { readDocument, type ReadBlock, type ReadDocument } from './read/document.ts'
import type { OwnerMatcher } from './owners/matcher.ts'
import type { ExtractContext, Extraction, Source } from './types.ts'
import { normaliseText } from './words.ts'

/**
 * Structuring one meeting's minutes, stage by stage, each in its own module with its own tests:
 *
 * 1. read (read/): the document's blocks, sections, lists and table rows;
 * 2. participants (participants/): the attendance the minutes record, merged with the
 *    coalition's members, so owners resolve from initials, first names and titles;
 * 3. language (../language/): sentences, tokens, parts of speech and lemmas of every block;
 * 4. commitments (commitments/): the clauses that commit someone, and their cues;
 * 5. owners (owners/): who each commitment's subject, speaker or label names;
 * 6. whole texts (texts/): the action's own words, references resolved;
 * 7. due dates (due.ts, ../dates/);
 * 8. asks (asks/) and decisions (decisions.ts);
 * 9. one item once (merge.ts), then confidence: every suggestion's score (confidence.ts).
 *
 * Pure and deterministic; never throws (a stage that fails on some input yields nothing rather
 * than losing the others).
 */
export interface ExtractorOptions {
  /**
   * Told of a stage that failed on this document: it yields nothing and the others carry on,
   * so a failure is never the caller's to handle, but it should be seen (logs, tests).
   */
  onError?: (stage: string, error: unknown) => void
}

export function createExtractor(
  context: ExtractContext,
  language: Language,
  { onError }: ExtractorOptions = {},
): (doc: Node) => Extraction {
  const attempt = <T>(stage: string, run: () => T, fallback: T): T => {
    try {
      return run()
    } catch (error) {
      onError?.(stage, error)
      return fallback
    }
  }
  const organisationsOnly = createOwnerMatcher({
    organisations: context.organisations,
    people: [],
    coalitionName: context.coalitionName,
  })
  const organisationsIn = (text: string) =>
    organisationsOnly.entities(text).filter((e) => e.kind === 'organisation')
  const dismissed = new Set(context.dismissed ?? [])
  const { meetingDate } = context
  const matchers = new Map<string, OwnerMatcher>()

  return (doc) => {
    const walked = attempt('read', () => walk(doc, organisationsOnly.label), undefined)
    if (!walked) return { actions: [], asks: [], decisions: [] }
    const attendance: Attendance = attempt(
      'participants',
      () => readAttendance(walked.blocks, organisationsIn),
      {
        attendees: [],
        organisationsPresent: [],
        blocks: [],
      },
    )
    const people = participantsOf(context.people, attendance)
    const signature = JSON.stringify(people)
    let matcher = matchers.get(signature)
    if (!matcher) {
      matcher = createOwnerMatcher({
        organisations: context.organisations,
        people,
        coalitionName: context.coalitionName,
      })
      // A live editor reads the same meeting again and again: keep the last few matchers.
      if (matchers.size >= MATCHERS_KEPT) matchers.delete(matchers.keys().next().value!)
      matchers.set(signature, matcher)
    }
    const read = attempt(
      'language',
      () =>
        readDocument(
          walked,
          matcher,
          language,
          meetingDate,
          new Set(attendance.blocks),
          context.nextMeetingDate ?? null,
        ),
      undefined,
    )
    if (!read) return { actions: [], asks: [], decisions: [] }
    const propose = (block: ExplicitBlock): Proposal | undefined =>
      attempt(
        'proposals',
        () => proposalFor(block, read, matcher, language, writtenOn(block) ?? meetingDate),
        undefined,
      )
    const explicit = attempt('explicit', () => explicitItems(read.explicit, matcher, propose), {
      actions: [],
      asks: [],
      decisions: [],
    })
    const explicitTexts = [...explicit.actions, ...explicit.asks, ...explicit.decisions].map(
      (item) => normaliseText(item.text),
    )
    const keep = <T extends { key: string; text: string }>(items: T[]) =>
      uniqueKeys(items).filter((item) => {
        if (dismissed.has(item.key)) return false
        const text = normaliseText(item.text)
        return !explicitTexts.some((t) => t.includes(text))
      })

    const candidates = attempt(
      'commitments',
      () => {
        const commitments = findCommitments(read, matcher, meetingDate)
        return mergeActions([
          ...proseActions(read, commitments, meetingDate, onError),
          ...tableActions(read, meetingDate),
        ])
      },
      [] as ActionCandidate[],
    )
    const actions = candidates.map((a) => ({
      key: suggestionKey('action', a.text),
      origin: 'suggested' as const,
      text: a.text,
      owners: a.owners,
      unknownOwners: a.unknownOwners,
      ownersProposed: false,
      dueProposed: false,
      assignee: a.assignee,
      due: a.due,
      dueText: a.dueText,
      dueUnparsed: a.dueUnparsed,
      status: a.status,
      carriedFrom: null,
      confidence: a.strength,
      source: source(a.block, a.start, a.end),
      reason: a.reason,
    }))
    const asks = attempt(
      'asks',
      () =>
        findAsks(read, matcher).map(({ block, start, end, strength, ...ask }) => ({
          key: suggestionKey('ask', ask.text),
          origin: 'suggested' as const,
          ...ask,
          confidence: strength,
          source: source(block, start, end),
        })),
      [],
    )
    const decisions = attempt(
      'decisions',
      () =>
        findDecisions(read).map(({ block, start, end, text, reason }) => ({
          key: suggestionKey('decision', text),
          origin: 'suggested' as const,
          text,
          confidence: 0.7,
          source: source(block, start, end),
          reason,
        })),
      [],
    )
    return {
      actions: [...explicit.actions, ...keep(actions)],
      asks: [...explicit.asks, ...keep(asks)],
      decisions: [...explicit.decisions, ...keep(decisions)],
    }
  }
}

/**
 * The attendance the minutes record: who was there, and which of the coalition's organisations
 * were present (what an import ticks).
 */
export function readAttendanceOf(
  doc: Node,
  context: Pick<ExtractContext, 'organisations' | 'coalitionName'>,
): Attendance {
  const matcher = createOwnerMatcher({
    organisations: context.organisations,
    people: [],
    coalitionName: context.coalitionName,
  })
  const { blocks } = walk(doc, matcher.label)
  return readAttendance(blocks, (text) =>
    matcher.entities(text).filter((e) => e.kind === 'organisation'),
  )
}

/**
 * An action node's own words read as an action ("SP to circulate the paper by Friday"): the
 * owners and date they give, for a node whose attributes have none. The whole coalition is no
 * proposal: a node nobody is named in stays without owners.
 */
function proposalFor(
  explicit: ExplicitBlock,
  doc: ReadDocument,
  matcher: OwnerMatcher,
  language: Language,
  meetingDate: string,
): Proposal | undefined {
  const own = readDocument(
    { blocks: [explicit.block], explicit: [] },
    matcher,
    language,
    meetingDate,
  )
  const block = own.blocks[0]
  if (!block) return undefined
  const single: ReadDocument = { ...own, hints: doc.hints }
  const [action] = proseActions(
    single,
    findCommitments(single, matcher, meetingDate, 'action'),
    meetingDate,
  )
  if (!action) return undefined
  const named = action.owners.length > 0 && action.ownerVia !== 'context'
  return {
    owners: named ? action.owners : [],
    unknownOwners: named ? [] : action.unknownOwners,
    assignee: named ? action.assignee : null,
    due: action.due,
    dueText: action.dueText,
  }
}

const MATCHERS_KEPT = 4

/** A carried action's words were written at an earlier meeting: read their dates as of then. */
function writtenOn(explicit: ExplicitBlock): string | null {
  const value: unknown = explicit.node.attrs.writtenOn
  return typeof value === 'string' && parseIsoDate(value) ? value : null
}

function source(block: ReadBlock, start: number, end: number): Source {
  return {
    from: positionAt(block, start),
    to: positionAt(block, end, true),
    text: block.text.slice(start, end),
  }
}
