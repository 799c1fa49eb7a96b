import {
  STRONG,
  type ExtractedAction,
  type ExtractedAsk,
  type ExtractedDecision,
  type Extraction,
} from '../extract/types.ts'
import type { StructuredNodeType } from '../nodes/unique-ids.ts'

/** One item the extractor proposed from prose, not yet an explicit node. */
export type Suggestion =
  | { kind: 'action'; item: ExtractedAction }
  | { kind: 'ask'; item: ExtractedAsk }
  | { kind: 'decision'; item: ExtractedDecision }

export type SuggestionKind = Suggestion['kind']

/** The node each kind of suggestion becomes when accepted. */
export const NODE_TYPES: Record<SuggestionKind, StructuredNodeType> = {
  action: 'actionItem',
  ask: 'ask',
  decision: 'decision',
}

/** The suggestions among what extract() found, in document order; explicit items left out. */
export function suggestionsOf({ actions, asks, decisions }: Extraction): Suggestion[] {
  const suggestions: Suggestion[] = [
    ...actions.map((item) => ({ kind: 'action' as const, item })),
    ...asks.map((item) => ({ kind: 'ask' as const, item })),
    ...decisions.map((item) => ({ kind: 'decision' as const, item })),
  ]
  return suggestions
    .filter(({ item }) => item.origin === 'suggested')
    .sort((a, b) => a.item.source.from - b.item.source.from)
}

/** A confidence sure enough for a suggestion to be accepted with the others ("Accept all"). */
export function isStrongConfidence(confidence: number): boolean {
  return confidence >= STRONG
}

/** A suggestion sure enough to be accepted with the others ("Accept all"). */
export function isStrong(suggestion: Suggestion): boolean {
  return isStrongConfidence(suggestion.item.confidence)
}

/** The strong suggestions, in document order. */
export function strongSuggestions(extraction: Extraction): Suggestion[] {
  return suggestionsOf(extraction).filter(isStrong)
}
