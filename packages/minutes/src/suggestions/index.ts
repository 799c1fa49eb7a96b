export { acceptSuggestions, attributes } from './accept.ts'
export { acceptAllSuggestions } from './accept-all.ts'
export { NODE_TYPES, suggestionsOf, type Suggestion, type SuggestionKind } from './suggestion.ts'
