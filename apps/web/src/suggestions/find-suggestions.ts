import type { Organisation } from '@accord/coalition'
// Types only: the index of '@accord/minutes/extract' loads the English model, which the client
// fetches on its own (language-loader.ts); the pipeline entry does not.
import type { ExtractContext, Extraction } from '@accord/minutes/extract'
import { createExtractor } from '@accord/minutes/extract/pipeline'
import type { Language } from '@accord/minutes/language'
import {
  isStrong,
  suggestionsOf,
  type Suggestion,
  type SuggestionKind,
} from '@accord/minutes/suggestions'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

/** What the extractor needs besides the document: the same inputs the server projects with. */
export interface SuggestionContext {
  meetingDate: string
  organisations: readonly Organisation[]
  /** Members with their organisations: "Priya will…" is owed by Priya's organisation. */
  people: readonly MeetingPerson[]
  /** The coalition's name: it and its acronym stand for every member ("the NCC will…"). */
  coalitionName?: string
  /** YYYY-MM-DD of the coalition's next meeting, if one is planned: "by the next meeting". */
  nextMeetingDate?: string | null
  /** Keys of dismissed suggestions (the Y.Map `dismissed`). */
  dismissed: readonly string[]
}

export interface MeetingPerson {
  id: string
  name: string
  organisationId: string
}

/** Reads one document: actions, asks and decisions, explicit and suggested. */
export type Extract = (doc: ProseMirrorNode) => Extraction

export { NODE_TYPES, type Suggestion, type SuggestionKind } from '@accord/minutes/suggestions'

export const SUGGESTION_LABELS: Record<SuggestionKind, string> = {
  action: 'Suggested action',
  ask: 'Suggested ask',
  decision: 'Suggested decision',
}

export type Strength = 'strong' | 'weak'

/** Strong suggestions are what "Accept all" takes; weak ones are for a person to judge. */
export function strengthOf(suggestion: Suggestion): Strength {
  return isStrong(suggestion) ? 'strong' : 'weak'
}

/** The extractor's context, field by field as the server's projection builds it. */
export function extractContext(context: SuggestionContext): ExtractContext {
  return {
    meetingDate: context.meetingDate,
    organisations: context.organisations.map(({ id, name, shortName, aliases }) => ({
      id,
      name,
      shortName,
      aliases: [...aliases],
    })),
    people: context.people.map(({ id, name, organisationId }) => ({ id, name, organisationId })),
    coalitionName: context.coalitionName,
    nextMeetingDate: context.nextMeetingDate ?? null,
    dismissed: [...context.dismissed],
  }
}

/** An extractor for one context, reading with `language` (the model, once loaded). */
export function createSuggestionExtractor(context: SuggestionContext, language: Language): Extract {
  return createExtractor(extractContext(context), language)
}

/** The suggestions in `doc`, in document order, as the server's projection finds them. */
export function findSuggestions(doc: ProseMirrorNode, extract: Extract): Suggestion[] {
  return suggestionsOf(extract(doc))
}
