import { STOPWORDS, stem } from '../extract/words.ts'
import type { Gold } from './gold.ts'

/**
 * Scores a prediction against the gold answer of one set of minutes, as the samples' README
 * defines it:
 *
 * - texts are compared on content words: lower-cased, stop words and words under three letters
 *   dropped, simple suffixes stemmed;
 * - a predicted text covers a gold text when at least half of the gold text's content words
 *   appear in it, and it has at most three times as many content words as the gold text (12
 *   always allowed): an action says what is owed, it does not quote the paragraph;
 * - an action matches when it covers the gold text and its owner set equals the gold one; an
 *   ask matches on text alone;
 * - each gold item matches at most one prediction, best coverage first.
 *
 * Due-date accuracy is over matched actions; the agreement of asks' targets and supporter sets
 * is reported over matched asks.
 */
export const COVERAGE_THRESHOLD = 0.5
const LENGTH_FACTOR = 3
const LENGTH_ALWAYS_ALLOWED = 12

export interface Counts {
  matched: number
  predicted: number
  gold: number
}

export interface FileScore {
  actions: Counts & { dueCorrect: number }
  asks: Counts & { targetAgree: number; supportersAgree: number }
  decisions: Counts | null
}

/** The content words the scoring compares: see the samples' README. */
export function scoringWords(text: string): Set<string> {
  const words = new Set<string>()
  for (const token of text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .split(/[^\p{L}\p{N}']+/u)) {
    const word = token.replace(/^'+|'+$/g, '').replace(/'s$/, '')
    if (word.length >= 3 && !STOPWORDS.has(word)) words.add(stem(word))
  }
  return words
}

/**
 * How much of the gold text the predicted one covers (0 to 1), or 0 when the prediction is too
 * long to count as saying what is owed.
 */
export function coverage(predicted: string, gold: string): number {
  const p = scoringWords(predicted)
  const g = scoringWords(gold)
  if (g.size === 0 || p.size > Math.max(LENGTH_FACTOR * g.size, LENGTH_ALWAYS_ALLOWED)) return 0
  let shared = 0
  for (const word of g) if (p.has(word)) shared++
  return shared / g.size
}

/** Greedy one-to-one matching: pairs (predicted index, gold index), best coverage first. */
export function matchPairs<P, G>(
  predicted: readonly P[],
  gold: readonly G[],
  similarity: (p: P, g: G) => number,
): [number, number][] {
  const candidates: [number, number, number][] = []
  predicted.forEach((p, i) =>
    gold.forEach((g, j) => {
      const s = similarity(p, g)
      if (s >= COVERAGE_THRESHOLD) candidates.push([s, i, j])
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

export const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join('\u0000') === [...b].sort().join('\u0000')

export interface Matches {
  actions: [number, number][]
  asks: [number, number][]
  decisions: [number, number][]
}

export function matchFile(gold: Gold, predicted: Required<Gold>): Matches {
  return {
    actions: matchPairs(predicted.actions, gold.actions, (p, g) =>
      sameSet(p.owners, g.owners) ? coverage(p.text, g.text) : 0,
    ),
    asks: matchPairs(predicted.asks, gold.asks, (p, g) => coverage(p.text, g.text)),
    decisions: matchPairs(predicted.decisions, gold.decisions ?? [], (p, g) =>
      coverage(p.text, g.text),
    ),
  }
}

export function scoreFile(
  gold: Gold,
  predicted: Required<Gold>,
  matches = matchFile(gold, predicted),
): FileScore {
  const { actions, asks, decisions } = matches
  return {
    actions: {
      matched: actions.length,
      predicted: predicted.actions.length,
      gold: gold.actions.length,
      dueCorrect: actions.filter(([i, j]) => predicted.actions[i]!.due === gold.actions[j]!.due)
        .length,
    },
    asks: {
      matched: asks.length,
      predicted: predicted.asks.length,
      gold: gold.asks.length,
      targetAgree: asks.filter(([i, j]) => predicted.asks[i]!.target === gold.asks[j]!.target)
        .length,
      supportersAgree: asks.filter(([i, j]) =>
        sameSet(predicted.asks[i]!.supporters, gold.asks[j]!.supporters),
      ).length,
    },
    decisions: gold.decisions
      ? {
          matched: decisions.length,
          predicted: predicted.decisions.length,
          gold: gold.decisions.length,
        }
      : null,
  }
}

export const precision = (c: Counts) =>
  c.predicted === 0 ? (c.gold === 0 ? 1 : 0) : c.matched / c.predicted
export const recall = (c: Counts) => (c.gold === 0 ? 1 : c.matched / c.gold)

/** Sums per-file scores (micro-average). */
export function totalScore(scores: readonly FileScore[]): FileScore {
  const sum = <T extends object>(items: T[], empty: T): T =>
    items.reduce((total, item) => {
      const out = { ...total } as Record<string, number>
      for (const [k, v] of Object.entries(item)) out[k] = (out[k] ?? 0) + (v as number)
      return out as T
    }, empty)
  const none = { matched: 0, predicted: 0, gold: 0 }
  const decisions = scores.map((s) => s.decisions).filter((d): d is Counts => d !== null)
  return {
    actions: sum(
      scores.map((s) => s.actions),
      { ...none, dueCorrect: 0 },
    ),
    asks: sum(
      scores.map((s) => s.asks),
      { ...none, targetAgree: 0, supportersAgree: 0 },
    ),
    decisions: decisions.length > 0 ? sum(decisions, { ...none }) : null,
  }
}
