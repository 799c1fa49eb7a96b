/**
 * The one marker every export puts after owners or a date read from an action's words rather
 * than set on it, as the editor, tracker and organisation page show them: "ALC (proposed)".
 */
export const proposed = (words: string) => `${words} (proposed)`

/** The words, marked as `proposed` when they were only read from the action's words. */
export const markProposed = (words: string, isProposed: boolean) =>
  isProposed ? proposed(words) : words
