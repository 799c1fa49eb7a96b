import { contentWords, overlapCoefficient } from '../extract/words.ts'
import type { Gold } from './gold.ts'

/**
 * Scores a prediction against the gold answer of one set of minutes.
 *
 * Two texts match when their content words (lower-cased, stopwords dropped, crudely stemmed)
 * have an overlap coefficient |A ∩ B| / min(|A|, |B|) of at least 0.5 and share at least two
 * words (or the one word of a one-word text). The overlap coefficient rather than Jaccard
 * because gold texts are paraphrases of different lengths: a short faithful prediction should
 * not lose to a long one. An action matches when, in addition, its owner set equals the gold
 * one. Matching is greedy and one-to-one, best similarity first. Due-date accuracy is over
 * matched actions; asks match on text alone, and the agreement of their targets and supporter
 * sets is reported over matched asks.
 */
export const TEXT_MATCH_THRESHOLD = 0.5

export interface Counts {
  matched: number
  predicted: number
  gold: number
}

export interface FileScore {
  actions: Counts & { dueCorrect: number }
  asks: Counts & { targetAgree: number; supportersAgree: number }
  decisions: Counts | null
  misses: string[]
}

export function textSimilarity(a: string, b: string): number {
  const wa = contentWords(a)
  const wb = contentWords(b)
  let shared = 0
  for (const word of wa) if (wb.has(word)) shared++
  if (shared < Math.min(2, wa.size, wb.size)) return 0
  return overlapCoefficient(wa, wb)
}

/** Greedy one-to-one matching: pairs (predicted index, gold index), best similarity first. */
export function matchPairs<P, G>(
  predicted: readonly P[],
  gold: readonly G[],
  similarity: (p: P, g: G) => number,
): [number, number][] {
  const candidates: [number, number, number][] = []
  predicted.forEach((p, i) =>
    gold.forEach((g, j) => {
      const s = similarity(p, g)
      if (s >= TEXT_MATCH_THRESHOLD) candidates.push([s, i, j])
    }),
  )
  candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2])
  const usedP = new Set<number>()
  const usedG = new Set<number>()
  const pairs: [number, number][] = []
  for (const [, i, j] of candidates) {
    if (usedP.has(i) || usedG.has(j)) continue
    usedP.add(i)
    usedG.add(j)
    pairs.push([i, j])
  }
  return pairs
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

export function scoreFile(gold: Gold, predicted: Required<Gold>): FileScore {
  const misses: string[] = []
  const actionPairs = matchPairs(predicted.actions, gold.actions, (p, g) =>
    sameSet(p.owners, g.owners) ? textSimilarity(p.text, g.text) : 0,
  )
  const dueCorrect = actionPairs.filter(
    ([i, j]) => predicted.actions[i]!.due === gold.actions[j]!.due,
  )
  for (const [i, j] of actionPairs) {
    const p = predicted.actions[i]!
    const g = gold.actions[j]!
    if (p.due !== g.due) misses.push(`due ${p.due} ≠ ${g.due}: ${g.text}`)
  }
  const matchedGold = new Set(actionPairs.map(([, j]) => j))
  const matchedPredicted = new Set(actionPairs.map(([i]) => i))
  gold.actions.forEach(
    (g, j) => matchedGold.has(j) || misses.push(`missed action: [${g.owners}] ${g.text}`),
  )
  predicted.actions.forEach(
    (p, i) => matchedPredicted.has(i) || misses.push(`extra action: [${p.owners}] ${p.text}`),
  )

  const askPairs = matchPairs(predicted.asks, gold.asks, (p, g) => textSimilarity(p.text, g.text))
  const askGold = new Set(askPairs.map(([, j]) => j))
  const askPredicted = new Set(askPairs.map(([i]) => i))
  gold.asks.forEach((g, j) => askGold.has(j) || misses.push(`missed ask: ${g.text}`))
  predicted.asks.forEach((p, i) => askPredicted.has(i) || misses.push(`extra ask: ${p.text}`))

  let decisions: Counts | null = null
  if (gold.decisions) {
    const pairs = matchPairs(predicted.decisions, gold.decisions, (p, g) =>
      textSimilarity(p.text, g.text),
    )
    decisions = {
      matched: pairs.length,
      predicted: predicted.decisions.length,
      gold: gold.decisions.length,
    }
  }
  return {
    actions: {
      matched: actionPairs.length,
      predicted: predicted.actions.length,
      gold: gold.actions.length,
      dueCorrect: dueCorrect.length,
    },
    asks: {
      matched: askPairs.length,
      predicted: predicted.asks.length,
      gold: gold.asks.length,
      targetAgree: askPairs.filter(([i, j]) => predicted.asks[i]!.target === gold.asks[j]!.target)
        .length,
      supportersAgree: askPairs.filter(([i, j]) =>
        sameSet(predicted.asks[i]!.supporters, gold.asks[j]!.supporters),
      ).length,
    },
    decisions,
    misses,
  }
}

export const precision = (c: Counts) =>
  c.predicted === 0 ? (c.gold === 0 ? 1 : 0) : c.matched / c.predicted
export const recall = (c: Counts) => (c.gold === 0 ? 1 : c.matched / c.gold)

/** Sums per-file scores (micro-average). */
export function totalScore(scores: readonly FileScore[]): FileScore {
  const none = { matched: 0, predicted: 0, gold: 0 }
  if (scores.length === 0) {
    return {
      actions: { ...none, dueCorrect: 0 },
      asks: { ...none, targetAgree: 0, supportersAgree: 0 },
      decisions: null,
      misses: [],
    }
  }
  const add = <T extends object>(items: T[]): T =>
    items.reduce((sum, item) => {
      const out = { ...sum } as Record<string, number>
      for (const [k, v] of Object.entries(item)) out[k] = (out[k] ?? 0) + (v as number)
      return out as T
    })
  const decisions = scores.map((s) => s.decisions).filter((d): d is Counts => d !== null)
  return {
    actions: add(scores.map((s) => s.actions)),
    asks: add(scores.map((s) => s.asks)),
    decisions: decisions.length > 0 ? add(decisions) : null,
    misses: scores.flatMap((s) => s.misses),
  }
}
