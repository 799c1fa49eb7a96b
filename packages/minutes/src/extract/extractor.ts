import type { Node } from '@tiptap/pm/model'
import { findActions, type ActionCandidate } from './actions.ts'
import { findAsks } from './asks.ts'
import { positionAt } from './blocks.ts'
import { findDecisions } from './decisions.ts'
import { readDocument, type ReadBlock, type ReadDocument } from './document.ts'
import { explicitItems } from './explicit.ts'
import { suggestionKey, uniqueKeys } from './keys.ts'
import { createOwnerMatcher } from './owners.ts'
import type { ExtractContext, Extraction, Source } from './types.ts'
import { contentWords, normaliseText, overlapCoefficient } from './words.ts'

/**
 * Builds the extractor of one context: the owner matcher is compiled once and reused for every
 * document. Pure and deterministic; never throws (a rule family that fails on some input
 * yields nothing rather than losing the others).
 */
export function createExtractor(context: ExtractContext): (doc: Node) => Extraction {
  const matcher = createOwnerMatcher(context)
  const dismissed = new Set(context.dismissed ?? [])
  const { meetingDate } = context

  return (doc) => {
    const read = attempt(() => readDocument(doc, matcher, meetingDate), undefined)
    if (!read) return { actions: [], asks: [], decisions: [] }
    const explicit = attempt(() => explicitItems(read.explicit, matcher), {
      actions: [],
      asks: [],
      decisions: [],
    })
    const explicitTexts = [...explicit.actions, ...explicit.asks, ...explicit.decisions].map(
      (item) => normaliseText(item.text),
    )
    const keep = <T extends { key: string; text: string }>(items: T[]) =>
      uniqueKeys(items).filter((item) => {
        if (dismissed.has(item.key)) return false
        const text = normaliseText(item.text)
        return !explicitTexts.some((t) => t.includes(text))
      })

    const actions = attempt(
      () =>
        mergeDuplicates(findActions(read, matcher, meetingDate)).map((a) => ({
          key: suggestionKey('action', a.text),
          origin: 'suggested' as const,
          text: a.text,
          owners: a.owners,
          unknownOwners: a.unknownOwners,
          assignee: a.assignee,
          due: a.due,
          dueText: a.dueText,
          dueUnparsed: a.dueUnparsed,
          status: 'open' as const,
          carriedFrom: null,
          source: source(read, a.block, a.start, a.end),
          reason: a.reason,
        })),
      [],
    )
    const asks = attempt(
      () =>
        findAsks(read, matcher).map(({ block, start, end, ...ask }) => ({
          key: suggestionKey('ask', ask.text),
          origin: 'suggested' as const,
          ...ask,
          source: source(read, block, start, end),
        })),
      [],
    )
    const decisions = attempt(
      () =>
        findDecisions(read).map(({ block, start, end, text, reason }) => ({
          key: suggestionKey('decision', text),
          origin: 'suggested' as const,
          text,
          source: source(read, block, start, end),
          reason,
        })),
      [],
    )
    return {
      actions: [...explicit.actions, ...keep(actions)],
      asks: [...explicit.asks, ...keep(asks)],
      decisions: [...explicit.decisions, ...keep(decisions)],
    }
  }
}

/** One meeting's actions, asks and decisions: see STRUCTURE.md. */
export function extract(doc: Node, context: ExtractContext): Extraction {
  try {
    return createExtractor(context)(doc)
  } catch {
    return { actions: [], asks: [], decisions: [] }
  }
}

function attempt<T>(run: () => T, fallback: T): T {
  try {
    return run()
  } catch {
    return fallback
  }
}

function source(_read: ReadDocument, block: ReadBlock, start: number, end: number): Source {
  return {
    from: positionAt(block, start),
    to: positionAt(block, end, true),
    text: block.text.slice(start, end),
  }
}

/**
 * The same action recorded twice (in the discussion and again in the actions table): same
 * owners and nearly the same words. The one with a due date is kept, else the first.
 */
function mergeDuplicates(actions: ActionCandidate[]): ActionCandidate[] {
  const words = actions.map((a) => contentWords(a.text))
  const dropped = new Set<number>()
  for (let i = 0; i < actions.length; i++) {
    for (let j = i + 1; j < actions.length; j++) {
      if (dropped.has(i) || dropped.has(j)) continue
      const a = actions[i]!
      const b = actions[j]!
      if ([...a.owners].sort().join() !== [...b.owners].sort().join() || a.owners.length === 0)
        continue
      if (
        Math.min(words[i]!.size, words[j]!.size) < 2 ||
        overlapCoefficient(words[i]!, words[j]!) < 0.8
      )
        continue
      dropped.add(a.due === null && b.due !== null ? i : j)
    }
  }
  return actions.filter((_, i) => !dropped.has(i))
}
