import { extract } from '@accord/minutes/extract'
import type { StructureLists } from '@accord/minutes/structure'
import * as Y from 'yjs'
import type { MeetingContext } from './context.ts'
import type { Extract } from './extract-contract.ts'
import { readDocument } from './read-document.ts'
import type { ExtractState } from './projector.ts'
import { toLists } from './to-lists.ts'

/** The real extractor, held to the contract this side relies on. */
const extractMinutes: Extract = extract

/**
 * The rows to store for a meeting whose document is `state` (one Yjs update): the document
 * rebuilt, its minutes and dismissed keys read, extracted and listed. Synchronous and as long
 * as the document, so the server runs it in a worker (pool.ts); the state is a copy, so the
 * room's own document is never touched.
 */
export function projectState(state: Uint8Array, context: MeetingContext): StructureLists {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
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
export const extractInline: ExtractState = (_meetingId, state, context) =>
  Promise.resolve(projectState(state, context))
