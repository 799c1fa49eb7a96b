import type { Gold } from './gold.ts'
import { COVERAGE_THRESHOLD, sameSet, scoringWords, type Matches } from './score.ts'

/**
 * Why each gold item was missed and each suggestion was not in the gold, named after the stage
 * of the pipeline that failed, so a miss can be traced:
 *
 * - `no commitment found`: nothing suggested says it;
 * - `owner not found`: suggested with no known owner (a name that is no participant);
 * - `wrong owner`: suggested, owed by someone else;
 * - `text too long`: the right owner, but the text quotes more than what is owed;
 * - `text without its object`: the right owner, but under half of what is owed;
 * - `wrong date`: matched, with another due date;
 * - `duplicate`: a second suggestion of something already matched;
 * - `not in the gold`: a suggestion that says nothing the gold holds.
 */
export type Reason =
  | 'no commitment found'
  | 'owner not found'
  | 'wrong owner'
  | 'text too long'
  | 'text without its object'
  | 'wrong date'
  | 'duplicate'
  | 'not in the gold'

export interface Finding {
  kind: 'missed action' | 'extra action' | 'missed ask' | 'extra ask'
  reason: Reason
  text: string
  owners?: string[]
  /** For extras: the extractor's own account of why it suggested the item. */
  why?: string
}

type Predicted = Required<Gold>

/** Coverage of the gold words with no length limit: how much of it a text says at all. */
function rawCoverage(predicted: string, gold: string): number {
  const p = scoringWords(predicted)
  const g = scoringWords(gold)
  if (g.size === 0) return 0
  let shared = 0
  for (const word of g) if (p.has(word)) shared++
  return shared / g.size
}

export function diagnose(
  gold: Gold,
  predicted: Predicted,
  matches: Matches,
  whys: readonly string[] = [],
): Finding[] {
  const findings: Finding[] = []
  const matchedGold = new Map(matches.actions.map(([i, j]) => [j, i]))
  const matchedPredicted = new Set(matches.actions.map(([i]) => i))

  gold.actions.forEach((g, j) => {
    const i = matchedGold.get(j)
    if (i !== undefined) {
      const p = predicted.actions[i]!
      if (p.due !== g.due) {
        findings.push({
          kind: 'missed action',
          reason: 'wrong date',
          text: `${g.text} (due ${p.due} ≠ ${g.due})`,
          owners: g.owners,
        })
      }
      return
    }
    findings.push({
      kind: 'missed action',
      reason: missReason(g, predicted),
      text: g.text,
      owners: g.owners,
    })
  })

  predicted.actions.forEach((p, i) => {
    if (matchedPredicted.has(i)) return
    findings.push({
      kind: 'extra action',
      reason: extraReason(p, gold, matchedGold),
      text: p.text,
      owners: p.owners,
      why: whys[i],
    })
  })

  const askGold = new Set(matches.asks.map(([, j]) => j))
  const askPredicted = new Set(matches.asks.map(([i]) => i))
  gold.asks.forEach((g, j) => {
    if (askGold.has(j)) return
    const said = predicted.asks.some((p) => rawCoverage(p.text, g.text) >= COVERAGE_THRESHOLD)
    findings.push({
      kind: 'missed ask',
      reason: said ? 'text too long' : 'no commitment found',
      text: g.text,
    })
  })
  predicted.asks.forEach((p, i) => {
    if (askPredicted.has(i)) return
    const dup = gold.asks.some((g) => rawCoverage(p.text, g.text) >= COVERAGE_THRESHOLD)
    findings.push({
      kind: 'extra ask',
      reason: dup ? 'duplicate' : 'not in the gold',
      text: p.text,
    })
  })
  return findings
}

function missReason(g: Gold['actions'][number], predicted: Predicted): Reason {
  let best: { coverage: number; owners: string[] } | undefined
  for (const p of predicted.actions) {
    const c = rawCoverage(p.text, g.text)
    if (c > 0 && (!best || c > best.coverage)) best = { coverage: c, owners: p.owners }
  }
  const sameOwner = predicted.actions
    .filter((p) => sameSet(p.owners, g.owners))
    .map((p) => rawCoverage(p.text, g.text))
  if (sameOwner.some((c) => c >= COVERAGE_THRESHOLD)) return 'text too long'
  if (best && best.coverage >= COVERAGE_THRESHOLD) {
    return best.owners.length === 0 ? 'owner not found' : 'wrong owner'
  }
  if (sameOwner.some((c) => c > 0)) return 'text without its object'
  return 'no commitment found'
}

function extraReason(
  p: Gold['actions'][number],
  gold: Gold,
  matchedGold: ReadonlyMap<number, number>,
): Reason {
  const covered = gold.actions
    .map((g, j) => ({ j, g, c: rawCoverage(p.text, g.text) }))
    .filter(({ c }) => c >= COVERAGE_THRESHOLD)
  if (covered.length === 0) return 'not in the gold'
  if (covered.some(({ j, g }) => matchedGold.has(j) && sameSet(p.owners, g.owners)))
    return 'duplicate'
  if (covered.some(({ g }) => sameSet(p.owners, g.owners))) return 'text too long'
  return p.owners.length === 0 ? 'owner not found' : 'wrong owner'
}
