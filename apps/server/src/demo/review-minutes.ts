import { minutesSchema } from '@accord/minutes'
import { extract, type ExtractContext } from '@accord/minutes/extract'
import { minutesToUpdate } from '@accord/minutes/import'
import { acceptAllSuggestions, suggestionsOf } from '@accord/minutes/suggestions'
import type { JSONContent } from '@tiptap/core'

/**
 * Minutes as a chair who reviewed them would leave them, as a Yjs update: every strong
 * suggestion accepted ("Accept all"), and the weak ones left over dismissed, so nothing waits.
 * It extracts the whole text, so the server runs it in an extraction worker
 * (projection/worker); `npm run demo`, with nothing else to serve yet, runs it inline.
 */
export function reviewMinutes(
  minutes: JSONContent,
  context: ExtractContext,
  now = new Date(),
): Uint8Array {
  const doc = minutesSchema().nodeFromJSON(minutes)
  const read = (node: typeof doc) => extract(node, context)
  const reviewed = acceptAllSuggestions(doc, read)
  const weak = suggestionsOf(read(reviewed)).map(({ item }) => item.key)
  const at = now.toISOString()
  return minutesToUpdate(reviewed.toJSON() as JSONContent, {
    dismissed: Object.fromEntries(weak.map((key) => [key, at])),
  })
}

/** How createDemoCoalition has minutes reviewed: in a worker on the server. */
export type ReviewMinutes = (minutes: JSONContent, context: ExtractContext) => Promise<Uint8Array>
