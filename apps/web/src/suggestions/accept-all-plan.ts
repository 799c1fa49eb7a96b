import { acceptSuggestions, attributes, isStrong } from '@accord/minutes/suggestions'
import type { Transform } from '@tiptap/pm/transform'
import { findSuggestions, type Extract, type Suggestion } from './find-suggestions.ts'

/** Accepting all at once repeats at most this often: each pass may reveal what overlapped. */
const MAX_PASSES = 5

/** What "Accept all" does to a document, worked out before anyone confirms it. */
export interface AcceptAllPlan<T extends Transform> {
  /** The strong suggestions that become nodes, in the order they were found. */
  accepted: Suggestion[]
  /** The weak suggestions left afterwards, for a person to judge one by one. */
  weak: Suggestion[]
  /** The steps, added to the transform handed in: dispatch it to carry the plan out. */
  tr: T
}

/**
 * Accepts every strong suggestion in `tr.doc` into `tr`, recording exactly which ones became
 * nodes – the list the confirmation shows is then the list that is created, nothing more.
 * Overlapping suggestions are skipped by a pass and found again by the next, as when accepting
 * one by one; weak ones are never accepted.
 */
export function planAcceptAll<T extends Transform>(tr: T, extract: Extract): AcceptAllPlan<T> {
  const accepted: Suggestion[] = []
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const inPass = acceptSuggestions(tr, findSuggestions(tr.doc, extract).filter(isStrong))
    if (inPass.length === 0) break
    accepted.push(...inPass)
  }
  const weak = findSuggestions(tr.doc, extract).filter((suggestion) => !isStrong(suggestion))
  return { accepted, weak, tr }
}

/**
 * Whether two plans create the same items with the same owners, dates and targets: what was
 * confirmed is still what would happen.
 */
export function samePlan(a: { accepted: Suggestion[] }, b: { accepted: Suggestion[] }): boolean {
  const created = (plan: { accepted: Suggestion[] }) =>
    JSON.stringify(plan.accepted.map((s) => [s.kind, s.item.key, attributes(s)]))
  return created(a) === created(b)
}
