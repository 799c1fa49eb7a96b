import type { ActionCandidate } from './actions.ts'
import { overlapCandidates, type OverlapCandidates } from './overlap-index.ts'
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

/** How many of the smaller action's words the larger must have for the two to be one. */
const SAME_OVERLAP = 0.6

export function mergeActions(candidates: ActionCandidate[]): ActionCandidate[] {
  const actions = joinRestatements(joinFollowOns(candidates))
  const words = actions.map((a) => contentWords(a.core))
  const dropped = new Set<number>()
  const alive = (i: number) => !dropped.has(i)
  const partnersOf = possiblePartners(actions, words)
  // Pairs in order, first to last, as a comparison of every pair would take them: a pair
  // that is not the same action changes nothing, so only possible partners are looked at.
  for (let i = 0; i < actions.length; i++) {
    if (dropped.has(i)) continue
    const later = partnersOf(i, alive)
      .filter((j) => j > i)
      .sort((a, b) => a - b)
    for (const j of later) {
      if (dropped.has(i)) break
      const a = actions[i]!
      const b = actions[j]!
      const verdict = sameAction(a, b, words[i]!, words[j]!)
      if (!verdict) continue
      const [keep, drop] =
        verdict === 'restated'
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
 * Two candidates with the same owners that are one action: `same` (nearly the same words),
 * `restated` (a short one whose words are all in another a few blocks away), or null.
 */
function sameAction(
  a: ActionCandidate,
  b: ActionCandidate,
  aWords: Set<string>,
  bWords: Set<string>,
): 'same' | 'restated' | null {
  if (ownersKey(a) !== ownersKey(b)) return null
  const small = Math.min(aWords.size, bWords.size)
  // A few words inside a much longer action far away are another action ("send the
  // rota" is not "check the survey … and send a one-page rota").
  const near = Math.abs(a.block.index - b.block.index) <= RESTATED_WITHIN
  const alike = small / Math.max(aWords.size, bWords.size) >= SIMILAR_SIZE
  const overlap = overlapCoefficient(aWords, bWords)
  if (small >= 2 && overlap >= SAME_OVERLAP && (near || alike)) return 'same'
  // "she would look into it" and, a little further, "JA to look into why the lift failed".
  if (small >= 1 && small <= 2 && near && overlap === 1) return 'restated'
  return null
}

/** Actions can only be one when this is the same: their owners, or unknown owners if none. */
function ownersKey(action: ActionCandidate): string {
  const owners = [...action.owners].sort().join()
  return action.owners.length > 0 ? owners : `\u0000${action.unknownOwners.join()}`
}

/**
 * The candidates each action could be one with: those with the same owners whose words
 * overlap enough to be `same` or `restated` (see overlap-index.ts); never one that is.
 */
function possiblePartners(
  actions: readonly ActionCandidate[],
  words: readonly Set<string>[],
): OverlapCandidates {
  const groups = new Map<string, number[]>()
  actions.forEach((action, i) => {
    const key = ownersKey(action)
    const group = groups.get(key)
    if (group) group.push(i)
    else groups.set(key, [i])
  })
  /** Each action's group, and its place in it. */
  const places = new Map<number, { members: number[]; find: OverlapCandidates; at: number }>()
  for (const members of groups.values()) {
    const find = overlapCandidates(
      members.map((i) => words[i]!),
      sharedWordsNeeded,
    )
    members.forEach((i, at) => places.set(i, { members, find, at }))
  }
  return (i, alive) => {
    const { members, find, at } = places.get(i)!
    return find(at, (m) => alive(members[m]!)).map((m) => members[m]!)
  }
}

/**
 * The fewest words a candidate of `size` words must share with a larger one: all of them to be
 * restated (one or two words), else a SAME_OVERLAP share of them.
 */
function sharedWordsNeeded(size: number): number {
  if (size <= 2) return size
  let needed = Math.ceil(size * SAME_OVERLAP)
  while (needed > 0 && (needed - 1) / size >= SAME_OVERLAP) needed--
  while (needed / size < SAME_OVERLAP) needed++
  return needed
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
