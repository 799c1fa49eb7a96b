import type { Organisation } from '@accord/coalition'
import { extract } from '@accord/minutes/extract'
import { suggestionsOf, type Suggestion, type SuggestionKind } from '@accord/minutes/suggestions'
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

export { NODE_TYPES, type Suggestion, type SuggestionKind } from '@accord/minutes/suggestions'

export const SUGGESTION_LABELS: Record<SuggestionKind, string> = {
  action: 'Suggested action',
  ask: 'Suggested ask',
  decision: 'Suggested decision',
}

/** The suggestions in `doc`, in document order, as the server's projection finds them. */
export function findSuggestions(doc: ProseMirrorNode, context: SuggestionContext): Suggestion[] {
  return suggestionsOf(
    extract(doc, {
      meetingDate: context.meetingDate,
      organisations: [...context.organisations],
      people: [...context.people],
      dismissed: context.dismissed,
    }),
  )
}
