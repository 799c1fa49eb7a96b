// Wording shared by the joint letter's Markdown and Word forms.
import type { JointLetter } from './joint-letter.ts'

/** "HM Treasury", "HM Treasury and DESNZ", or a placeholder when no ask names a target. */
export function letterAddressee(letter: JointLetter): string {
  const { targets } = letter
  if (targets.length === 0) return 'Whom it may concern'
  if (targets.length === 1) return targets[0]!
  return `${targets.slice(0, -1).join(', ')} and ${targets.at(-1)}`
}

/**
 * Where the signatures go when no organisation has endorsed the asks: a letter must not look
 * signed, nor leave a bare heading that invites filling names in by hand.
 */
export const NO_SIGNATORIES =
  'No organisation has endorsed these asks in Accord yet: each signs by endorsing them there.'
