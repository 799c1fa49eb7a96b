import type { StructureLists } from '@accord/minutes/structure'
import type { ExtractResult } from './extract-contract.ts'

/**
 * The rows to store for what `extract()` returned: each list in document order, numbered from
 * 0. A key is a row's identity, so should extract ever repeat one, the first stays.
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
    .map((entry, position) => ({ ...entry, position }))
}
