/**
 * Which of many word sets can share enough words with a given one, found without comparing
 * every pair: comparing every pair is quadratic, and 18,000 actions in one document (one
 * account can send that) took minutes to merge.
 *
 * A prefix filter, as set-similarity joins use: the words of every set are put in one order,
 * rarest first. If two sets share at least k words, and S is the smaller with s words, then
 * the first s − k + 1 words of S (its prefix) hold one of the shared words, since its last
 * k − 1 cannot hold all k. So each set is listed under the words of its prefix, and a pair is
 * only looked at when one set's prefix holds a word of the other. Rare words come first, so a
 * word most sets have is rarely in a prefix. The filter may name sets that then share too few
 * words (the caller compares them in full); it never leaves out one that shares enough.
 */
export type OverlapCandidates = (
  index: number,
  /** False for a set no longer wanted: it is skipped, and dropped from the index for good. */
  alive: (other: number) => boolean,
) => number[]

/**
 * `required(s)`: the fewest words a set of s words must share with a set at least as large
 * for the two to count as overlapping.
 */
export function overlapCandidates(
  sets: readonly ReadonlySet<string>[],
  required: (size: number) => number,
): OverlapCandidates {
  const frequency = new Map<string, number>()
  for (const set of sets) {
    for (const word of set) frequency.set(word, (frequency.get(word) ?? 0) + 1)
  }
  const rarestFirst = (a: string, b: string) =>
    frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0)
  const prefixes = sets.map((set) =>
    [...set].sort(rarestFirst).slice(0, Math.max(0, set.size - required(set.size) + 1)),
  )
  const byPrefixWord = new Map<string, number[]>()
  const byWord = new Map<string, number[]>()
  sets.forEach((set, i) => {
    for (const word of prefixes[i]!) listUnder(byPrefixWord, word).push(i)
    for (const word of set) listUnder(byWord, word).push(i)
  })

  return (i, alive) => {
    const size = sets[i]!.size
    const found = new Set<number>()
    // Smaller (or as large) sets whose prefix holds one of this set's words…
    for (const word of sets[i]!) {
      for (const j of liveEntries(byPrefixWord, word, alive)) {
        if (j !== i && sets[j]!.size <= size) found.add(j)
      }
    }
    // …and larger (or as large) sets holding a word of this set's prefix.
    for (const word of prefixes[i]!) {
      for (const j of liveEntries(byWord, word, alive)) {
        if (j !== i && sets[j]!.size >= size) found.add(j)
      }
    }
    return [...found]
  }
}

function listUnder(lists: Map<string, number[]>, word: string): number[] {
  let list = lists.get(word)
  if (!list) lists.set(word, (list = []))
  return list
}

/** The word's list without the sets no longer alive, which are removed from it for good. */
function liveEntries(
  lists: Map<string, number[]>,
  word: string,
  alive: (other: number) => boolean,
): number[] {
  const list = lists.get(word)
  if (!list) return []
  if (list.every(alive)) return list
  const live = list.filter(alive)
  lists.set(word, live)
  return live
}
