import { z } from 'zod'

/**
 * Names and titles people type: of a person, a coalition, an organisation (and its short name
 * and aliases), a meeting. They are shown to everyone else in the coalition, in lists, exports
 * and the minutes, so they must read as what they are:
 * - no control characters (C0, DEL, C1): line breaks and escapes break lists and files;
 * - no direction overrides, embeddings or isolates (U+202A–U+202E, U+2066–U+2069): they make
 *   text display in another order than it is stored, so "Pay ‮CLA" can show as "Pay ALC";
 * - not only invisible characters (zero-width space, joiners, word joiner, byte-order mark):
 *   a name nobody can see. Inside a visible name they stay, since joiners build emoji and
 *   some scripts' letters.
 */
// \p{Cc}: the C0 controls, DEL and the C1 controls.
const CONTROL_OR_DIRECTION = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF]/g

export type NameKind = 'Names' | 'Titles'

/** What is wrong with `text` as a name or title, in words to show; undefined if nothing is. */
export function nameProblem(text: string, kind: NameKind = 'Names'): string | undefined {
  if (CONTROL_OR_DIRECTION.test(text)) {
    return `${kind} cannot contain control or direction-changing characters (such as a line break or a right-to-left override): type it again without them.`
  }
  if (text.replace(INVISIBLE, '').trim() === '' && text.trim() !== '') {
    return `${kind} cannot be made only of invisible characters: type a visible one.`
  }
  return undefined
}

/**
 * A string checked as a name or title, before anything trims or changes it, so a name is
 * refused, never quietly altered, for what it holds. `message` is for a value that is not text.
 */
export function nameText(message: string, kind: NameKind = 'Names') {
  return z.string({ message }).check((ctx) => {
    const problem = nameProblem(ctx.value, kind)
    if (problem) ctx.issues.push({ code: 'custom', message: problem, input: ctx.value })
  })
}

/** A required name or title of at most `max` characters, trimmed. */
export function plainName(field: string, max: number, kind: NameKind = 'Names') {
  return nameText(`${field} is required`, kind)
    .trim()
    .min(1, `${field} is required`)
    .max(max, `${field} must be at most ${max} characters`)
}
