import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ActionCandidate } from './actions.ts'
import { mergeActions } from './merge.ts'
import { overlapCandidates } from './overlap-index.ts'
import { contentWords, overlapCoefficient } from './words.ts'

/**
 * mergeActions looks only at pairs its index says may be one action (overlap-index.ts), where
 * it used to compare every pair: the same actions must come out, in the same order, with the
 * same dates. The reference below is the comparison of every pair as it was.
 */
function everyPair(actions: ActionCandidate[]): ActionCandidate[] {
  actions = [...actions]
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
      const near = Math.abs(a.block.index - b.block.index) <= 3
      const alike = small / Math.max(words[i]!.size, words[j]!.size) >= 0.5
      const same = small >= 2 && overlapCoefficient(words[i]!, words[j]!) >= 0.6 && (near || alike)
      const restated =
        !same && small >= 1 && small <= 2 && near && overlapCoefficient(words[i]!, words[j]!) === 1
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

/** Few words and owners, so that many candidates overlap and every rule is met. */
const WORDS = ['send', 'rota', 'survey', 'budget', 'letter', 'draft', 'check', 'leaflet', 'forum']
const OWNERS = ['alc', 'fpct', 'cnn']

type Generated = {
  words: string[]
  owners: string[]
  unknown: string[]
  block: number
  strength: number
  due: string | null
}

const candidate: fc.Arbitrary<Generated> = fc.record({
  words: fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 6 }),
  owners: fc.subarray(OWNERS),
  unknown: fc.subarray(['Jo', 'Sam']),
  block: fc.nat(30),
  strength: fc.constantFrom(0.4, 0.6, 0.8),
  due: fc.option(fc.constantFrom('2025-03-07', '2025-03-14')),
})

/** Just what merging reads of a candidate. */
function toCandidate(generated: Generated, i: number): ActionCandidate {
  return {
    core: generated.words.join(' '),
    text: `${i}: ${generated.words.join(' ')}`,
    owners: generated.owners,
    unknownOwners: generated.unknown,
    block: { index: generated.block },
    sentence: 0,
    strength: generated.strength,
    due: generated.due,
    dueText: generated.due,
    dueUnparsed: false,
    followOn: false,
    labelled: false,
    added: null,
  } as unknown as ActionCandidate
}

describe('merging actions said twice', () => {
  it('keeps exactly what comparing every pair keeps', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 40 }), (generated) => {
        const candidates = generated.map(toCandidate)
        const merged = mergeActions(candidates)
        const reference = everyPair(candidates)
        expect(merged.map((a) => [a.text, a.due])).toEqual(reference.map((a) => [a.text, a.due]))
      }),
      { numRuns: 2000 },
    )
  })

  it('finds every pair of word sets that share enough words', () => {
    const needed = (size: number) => Math.ceil(size * 0.6)
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.constantFrom(...WORDS), { maxLength: 7 }), { maxLength: 30 }),
        (lists) => {
          const sets = lists.map((list) => new Set(list))
          const candidates = overlapCandidates(sets, needed)
          sets.forEach((a, i) => {
            const found = new Set(candidates(i, () => true))
            sets.forEach((b, j) => {
              if (i === j || a.size === 0 || b.size === 0) return
              const shared = [...a].filter((word) => b.has(word)).length
              if (shared >= needed(Math.min(a.size, b.size))) expect(found.has(j)).toBe(true)
            })
          })
        },
      ),
      { numRuns: 2000 },
    )
  })
})
