import type { ActionCandidate } from './actions.ts'
import { contentWords, overlapCoefficient } from './words.ts'

/**
 * One item once: the same action recorded twice – said in the discussion and restated in an
 * "Action:" line or the actions table – is one action. Two candidates with the same owners and
 * nearly the same words are merged: the surer reading is kept, with the due date either gives.
 * A short one ("look into it") whose words are all in another a few blocks away is the same
 * action said twice, and the fuller one is kept.
 */
/** How many blocks apart an action and its restatement with the object spelt out may be. */
const RESTATED_WITHIN = 3
/** How near in length two far-apart actions must be to be one said twice. */
const SIMILAR_SIZE = 0.5

export function mergeActions(candidates: ActionCandidate[]): ActionCandidate[] {
  const actions = joinRestatements(joinFollowOns(candidates))
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
      // A few words inside a much longer action far away are another action ("send the
      // rota" is not "check the survey … and send a one-page rota").
      const near = Math.abs(a.block.index - b.block.index) <= RESTATED_WITHIN
      const alike = small / Math.max(words[i]!.size, words[j]!.size) >= SIMILAR_SIZE
      const same = small >= 2 && overlapCoefficient(words[i]!, words[j]!) >= 0.6 && (near || alike)
      // "she would look into it" and, a little further, "JA to look into why the lift failed".
      const restated =
        !same &&
        small >= 1 &&
        small <= 2 &&
        Math.abs(a.block.index - b.block.index) <= RESTATED_WITHIN &&
        overlapCoefficient(words[i]!, words[j]!) === 1
      if (!same && !restated) continue
      const [keep, drop] = restated
        ? words[i]!.size >= words[j]!.size
          ? [i, j]
          : [j, i]
        : b.strength > a.strength
          ? [j, i]
          : [i, j]
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

/**
 * "I will send that to the board – I will present it at the AGM", "… Then we'll
 * document the roles": a step that goes on from the one just before it, same owner, same or
 * next sentence, is part of that action.
 */
function joinFollowOns(actions: readonly ActionCandidate[]): ActionCandidate[] {
  const out: ActionCandidate[] = []
  for (const action of actions) {
    const before = out.at(-1)
    const joins =
      before !== undefined &&
      action.followOn &&
      before.block === action.block &&
      action.sentence - before.sentence <= 1 &&
      [...before.owners].sort().join() === [...action.owners].sort().join() &&
      before.owners.length > 0
    if (!joins) {
      out.push(action)
      continue
    }
    out[out.length - 1] = {
      ...before,
      text: `${before.text}; ${action.core}`,
      core: `${before.core}; ${action.core}`,
      end: Math.max(before.end, action.end),
      due: before.due ?? action.due,
      dueText: before.dueText ?? action.dueText,
    }
  }
  return out
}

/**
 * "JA will report back at the next meeting. Action: JA to feed back to the forum": a bare
 * commitment whose words needed what it is about from elsewhere, restated at once by the same
 * owners in an "Action:" line, is one action. The restatement's words are kept, with what the
 * bare one was about and its date.
 */
function joinRestatements(actions: readonly ActionCandidate[]): ActionCandidate[] {
  const out: ActionCandidate[] = []
  for (const action of actions) {
    const before = out.at(-1)
    const next =
      before !== undefined &&
      (action.block === before.block
        ? action.sentence === before.sentence + 1
        : action.block.index === before.block.index + 1 && action.sentence === 0)
    const restates =
      next &&
      before.added !== null &&
      !before.labelled &&
      action.labelled &&
      before.owners.length > 0 &&
      [...before.owners].sort().join() === [...action.owners].sort().join()
    if (!restates) {
      out.push(action)
      continue
    }
    const dated = action.dueText === null ? before : action
    out[out.length - 1] = {
      ...action,
      text: action.added === null ? `${action.text} – ${before.added}` : action.text,
      added: action.added ?? before.added,
      due: dated.due,
      dueText: dated.dueText,
      dueUnparsed: dated.dueUnparsed,
    }
  }
  return out
}
