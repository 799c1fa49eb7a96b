import type { ActionCandidate } from './actions.ts'
import { contentWords, overlapCoefficient } from './words.ts'

/**
 * One item once: the same action recorded twice – said in the discussion and restated in an
 * "Action:" line or the actions table – is one action. Two candidates with the same owners and
 * nearly the same words (or one's words inside the other's) are merged: the surer reading is
 * kept, with the due date either gives.
 */
export function mergeActions(actions: ActionCandidate[]): ActionCandidate[] {
  const words = actions.map((a) => contentWords(a.core))
  const dropped = new Set<number>()
  for (let i = 0; i < actions.length; i++) {
    for (let j = i + 1; j < actions.length; j++) {
      if (dropped.has(i) || dropped.has(j)) continue
      const a = actions[i]!
      const b = actions[j]!
      if ([...a.owners].sort().join() !== [...b.owners].sort().join()) continue
      if (a.owners.length === 0 && a.unknownOwners.join() !== b.unknownOwners.join()) continue
      const small = Math.min(words[i]!.size, words[j]!.size)
      if (small < 2 || overlapCoefficient(words[i]!, words[j]!) < 0.6) continue
      const [keep, drop] = b.strength > a.strength ? [j, i] : [i, j]
      const kept = actions[keep]!
      const other = actions[drop]!
      if (kept.due === null && other.due !== null) {
        actions[keep] = { ...kept, due: other.due, dueText: other.dueText, dueUnparsed: false }
      }
      dropped.add(drop)
    }
  }
  return actions.filter((_, i) => !dropped.has(i))
}
