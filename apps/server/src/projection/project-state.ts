import { extract } from '@accord/minutes/extract'
import type { StructureLists } from '@accord/minutes/structure'
import { applyStoredUpdates } from '@accord/sync'
import * as Y from 'yjs'
import type { MeetingContext } from './context.ts'
import type { Extract } from './extract-contract.ts'
import { readDocument } from './read-document.ts'
import type { ExtractState } from './projector.ts'
import { toLists } from './to-lists.ts'

/** The real extractor, held to the contract this side relies on. */
const extractMinutes: Extract = extract

/**
 * The rows to store for a meeting whose document is `updates` (as stored, or one Yjs update):
 * the document rebuilt as a room loads it (a corrupt update skipped, as the room skips it), its
 * minutes and dismissed keys read, extracted and listed. Synchronous and as long as the
 * document, so the server runs it in a worker (pool.ts), never on a room's document.
 */
export function projectState(
  updates: readonly Uint8Array[],
  context: MeetingContext,
): StructureLists {
  const doc = new Y.Doc()
  try {
    applyStoredUpdates(doc, updates)
    const { node, dismissed } = readDocument(doc, { copy: false })
    return toLists(extractMinutes(node, { ...context, dismissed }))
  } finally {
    doc.destroy()
  }
}

/**
 * projectState on the calling thread, where no event loop serves anyone: `npm run demo` before
 * the server starts (project-stored.ts), tests of what is around it, the bench's baseline.
 */
export const extractInline: ExtractState = (_meetingId, updates, context) =>
  Promise.resolve(projectState(updates, context))
