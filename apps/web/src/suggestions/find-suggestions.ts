import type { Organisation } from '@accord/coalition'
import {
  extract,
  type ExtractedAction,
  type ExtractedAsk,
  type ExtractedDecision,
} from '@accord/minutes/extract'
import type { StructuredNodeType } from '@accord/minutes/nodes'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'

/** What the extractor needs besides the document: the same inputs the server projects with. */
export interface SuggestionContext {
  meetingDate: string
  organisations: readonly Organisation[]
  /** Members with their organisations: "Priya will…" is owed by Priya's organisation. */
  people: readonly MeetingPerson[]
  /** Keys of dismissed suggestions (the Y.Map `dismissed`). */
  dismissed: readonly string[]
}

export interface MeetingPerson {
  id: string
  name: string
  organisationId: string
}

/** One item the extractor proposed from prose, not yet an explicit node. */
export type Suggestion =
  | { kind: 'action'; item: ExtractedAction }
  | { kind: 'ask'; item: ExtractedAsk }
  | { kind: 'decision'; item: ExtractedDecision }

export type SuggestionKind = Suggestion['kind']

export const NODE_TYPES: Record<SuggestionKind, StructuredNodeType> = {
  action: 'actionItem',
  ask: 'ask',
  decision: 'decision',
}

export const SUGGESTION_LABELS: Record<SuggestionKind, string> = {
  action: 'Suggested action',
  ask: 'Suggested ask',
  decision: 'Suggested decision',
}

/** The suggestions in `doc`, in document order, as the server's projection finds them. */
export function findSuggestions(doc: ProseMirrorNode, context: SuggestionContext): Suggestion[] {
  const { actions, asks, decisions } = extract(doc, {
    meetingDate: context.meetingDate,
    organisations: [...context.organisations],
    people: [...context.people],
    dismissed: context.dismissed,
  })
  const suggestions: Suggestion[] = [
    ...actions.map((item) => ({ kind: 'action' as const, item })),
    ...asks.map((item) => ({ kind: 'ask' as const, item })),
    ...decisions.map((item) => ({ kind: 'decision' as const, item })),
  ]
  return suggestions
    .filter(({ item }) => item.origin === 'suggested')
    .sort((a, b) => a.item.source.from - b.item.source.from)
}
