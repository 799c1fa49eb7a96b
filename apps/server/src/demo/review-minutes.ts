import { minutesSchema } from '@accord/minutes'
import { extract, type ExtractContext } from '@accord/minutes/extract'
import { minutesToUpdate } from '@accord/minutes/import'
import { acceptAllSuggestions } from '@accord/minutes/suggestions'
import type { JSONContent } from '@tiptap/core'

/**
 * Minutes as a chair who accepted every strong suggestion would leave them, as a Yjs update.
 * It extracts the whole text, so the server runs it in an extraction worker
 * (projection/worker); `npm run demo`, with nothing else to serve yet, runs it inline.
 */
export function reviewMinutes(minutes: JSONContent, context: ExtractContext): Uint8Array {
  const doc = minutesSchema().nodeFromJSON(minutes)
  const read = (node: typeof doc) => extract(node, context)
  return minutesToUpdate(acceptAllSuggestions(doc, read).toJSON() as JSONContent)
}

/** How createDemoCoalition has minutes reviewed: in a worker on the server. */
export type ReviewMinutes = (minutes: JSONContent, context: ExtractContext) => Promise<Uint8Array>
