export { acceptSuggestions, attributes } from './accept.ts'
export { acceptAllSuggestions } from './accept-all.ts'
export {
  isStrong,
  NODE_TYPES,
  strongSuggestions,
  suggestionsOf,
  type Suggestion,
  type SuggestionKind,
} from './suggestion.ts'
