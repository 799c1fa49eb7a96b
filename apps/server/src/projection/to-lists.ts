import type { StructureLists } from '@accord/minutes/structure'
import type { ExtractResult } from './extract-contract.ts'

/**
 * Items of each list a meeting's structure keeps: the first in document order. Minutes hold
 * tens of actions, a year of them in one document a few hundred; a document of 18,000 one-line
 * actions (anyone can write one) made every projection store, and every reading of the
 * structure, the tracker and the ledger, hold the event loop for a second. Reading 2,000 rows
 * still took 40-50 ms a request on a busy 2-core machine. The minutes keep everything; only
 * what the ledger lists of them stops here.
 */
export const MAX_ITEMS_PER_LIST = 1000

/**
 * The rows to store for what `extract()` returned: each list in document order, numbered from
 * 0, at most MAX_ITEMS_PER_LIST. A key is a row's identity, so should extract ever repeat one,
 * the first stays.
 */
export function toLists(result: ExtractResult): StructureLists {
  return {
    actions: positioned(result.actions).map((a) => ({
      ...item(a),
      owners: a.owners,
      unknownOwners: a.unknownOwners,
      assignee: a.assignee,
      due: a.due,
      dueText: a.dueText,
      dueUnparsed: a.dueUnparsed,
      status: a.status,
      carriedFrom: a.carriedFrom,
      ownersProposed: a.ownersProposed ?? false,
      dueProposed: a.dueProposed ?? false,
    })),
    asks: positioned(result.asks).map((a) => ({
      ...item(a),
      target: a.target,
      supporters: a.supporters,
      unknownSupporters: a.unknownSupporters,
      status: a.status,
    })),
    decisions: positioned(result.decisions).map(item),
  }
}

type Item = ExtractResult['decisions'][number] & { position: number }

/** Only the fields the tables keep: extract may return more. */
const item = ({ key, origin, text, source, reason, confidence, position }: Item) => ({
  key,
  origin,
  text,
  source: { from: source.from, to: source.to, text: source.text },
  reason,
  confidence: confidence ?? 1,
  position,
})

/** In document order (explicit items come first from extract), without repeated keys. */
function positioned<T extends ExtractResult['decisions'][number]>(items: readonly T[]) {
  const seen = new Set<string>()
  return items
    .filter((entry) => !seen.has(entry.key) && seen.add(entry.key))
    .toSorted((a, b) => a.source.from - b.source.from)
    .slice(0, MAX_ITEMS_PER_LIST)
    .map((entry, position) => ({ ...entry, position }))
}
