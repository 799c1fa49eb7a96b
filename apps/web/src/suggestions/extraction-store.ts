import type { Extraction } from '@accord/minutes/extract'
import { strongSuggestions, suggestionsOf } from '@accord/minutes/suggestions'
import { proposalOf, sameProposal, type ActionProposal } from './action-proposals.ts'

/** How many suggestions the latest pass found, strong and weak. */
export interface SuggestionCounts {
  strong: number
  weak: number
}

const NO_COUNTS: SuggestionCounts = { strong: 0, weak: 0 }

/**
 * The browser's latest reading of the minutes (the highlight pass stores it after each
 * change), for what React shows outside the highlights: an action node's proposed owners and
 * due date, and the counts on "Accept all". Empty until the language model has loaded. Read
 * through useSyncExternalStore; every snapshot keeps its identity while its content is
 * unchanged, so a pass re-renders only the node views whose proposal changed.
 */
export class ExtractionStore {
  private proposals = new Map<string, ActionProposal>()
  private counts: SuggestionCounts = NO_COUNTS
  private readonly listeners = new Set<() => void>()

  set(extraction: Extraction): void {
    const proposals = new Map<string, ActionProposal>()
    for (const action of extraction.actions) {
      if (action.origin !== 'explicit') continue
      const proposal = proposalOf(action)
      if (!proposal) continue
      const previous = this.proposals.get(action.key) ?? null
      proposals.set(action.key, sameProposal(previous, proposal) ? previous! : proposal)
    }
    this.proposals = proposals
    const all = suggestionsOf(extraction).length
    const strong = strongSuggestions(extraction).length
    if (this.counts.strong !== strong || this.counts.weak !== all - strong) {
      this.counts = { strong, weak: all - strong }
    }
    for (const listener of this.listeners) listener()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** What the action node with this id has proposed; null when nothing. */
  proposal(key: string | null): ActionProposal | null {
    return key === null ? null : (this.proposals.get(key) ?? null)
  }

  getCounts = (): SuggestionCounts => this.counts
}
