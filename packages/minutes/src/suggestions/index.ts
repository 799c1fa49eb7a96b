export { STRONG } from '../extract/types.ts'
export { acceptSuggestions, attributes } from './accept.ts'
export { acceptAllSuggestions } from './accept-all.ts'
export {
  isStrong,
  isStrongConfidence,
  NODE_TYPES,
  strongSuggestions,
  suggestionsOf,
  type Suggestion,
  type SuggestionKind,
} from './suggestion.ts'
