import type { Node } from '@tiptap/pm/model'
import type { Language } from '../language/types.ts'
import { proseActions, tableActions, type ActionCandidate } from './actions.ts'
import { findAsks } from './asks/asks.ts'
import { findCommitments } from './commitments/commitments.ts'
import { findDecisions } from './decisions.ts'
import { explicitItems } from './explicit.ts'
import { suggestionKey, uniqueKeys } from './keys.ts'
import { mergeActions } from './merge.ts'
import { createOwnerMatcher } from './owners/matcher.ts'
import { readAttendance, type Attendance } from './participants/attendance.ts'
import { participantsOf } from './participants/participants.ts'
import { positionAt, walk } from './read/blocks.ts'
import { readDocument, type ReadBlock } from './read/document.ts'
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
export function createExtractor(
  context: ExtractContext,
  language: Language,
): (doc: Node) => Extraction {
  const organisationsOnly = createOwnerMatcher({
    organisations: context.organisations,
    people: [],
    coalitionName: context.coalitionName,
  })
  const organisationsIn = (text: string) =>
    organisationsOnly.entities(text).filter((e) => e.kind === 'organisation')
  const dismissed = new Set(context.dismissed ?? [])
  const { meetingDate } = context

  return (doc) => {
    const walked = attempt(() => walk(doc, organisationsOnly.label), undefined)
    if (!walked) return { actions: [], asks: [], decisions: [] }
    const attendance: Attendance = attempt(() => readAttendance(walked.blocks, organisationsIn), {
      attendees: [],
      organisationsPresent: [],
      blocks: [],
    })
    const matcher = createOwnerMatcher({
      organisations: context.organisations,
      people: participantsOf(context.people, attendance),
      coalitionName: context.coalitionName,
    })
    const read = attempt(
      () => readDocument(walked, matcher, language, meetingDate, new Set(attendance.blocks)),
      undefined,
    )
    if (!read) return { actions: [], asks: [], decisions: [] }
    const explicit = attempt(() => explicitItems(read.explicit, matcher), {
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

    const candidates = attempt(() => {
      const commitments = findCommitments(read, matcher, meetingDate)
      return mergeActions([
        ...proseActions(read, commitments, meetingDate),
        ...tableActions(read, meetingDate),
      ])
    }, [] as ActionCandidate[])
    const actions = candidates.map((a) => ({
      key: suggestionKey('action', a.text),
      origin: 'suggested' as const,
      text: a.text,
      owners: a.owners,
      unknownOwners: a.unknownOwners,
      assignee: a.assignee,
      due: a.due,
      dueText: a.dueText,
      dueUnparsed: a.dueUnparsed,
      status: 'open' as const,
      carriedFrom: null,
      confidence: a.strength,
      source: source(a.block, a.start, a.end),
      reason: a.reason,
    }))
    const asks = attempt(
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

function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run()
  } catch {
    return fallback
  }
}

function source(block: ReadBlock, start: number, end: number): Source {
  return {
    from: positionAt(block, start),
    to: positionAt(block, end, true),
    text: block.text.slice(start, end),
  }
}
