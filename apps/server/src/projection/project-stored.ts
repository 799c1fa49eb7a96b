import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { Storage } from '../storage/storage.ts'
import { loadMeetingContext } from './context.ts'
import { Projector } from './projector.ts'
import { ExtractionPool } from './worker/pool.ts'

/** Generous: nothing else waits on this thread while `npm run demo` seeds its meetings. */
const TIMEOUT_MS = 60_000

/**
 * Stores the structure of meetings whose minutes were written straight to storage, with no
 * server running to project them (`npm run demo` before it starts the server). A running server
 * does this through its rooms instead. Extraction runs in a worker, as on the server, so there
 * is one way to project.
 */
export async function projectStoredMeetings(
  storage: Storage,
  meetingIds: readonly string[],
  logger: Logger,
): Promise<void> {
  const extraction = new ExtractionPool({ size: 1, timeoutMs: TIMEOUT_MS, logger })
  const projector = new Projector({
    store: storage.projection,
    context: (meetingId) => loadMeetingContext(storage, meetingId),
    extract: (meetingId, state, context) => extraction.project(meetingId, state, context),
    // Nobody has these minutes open yet.
    announce: () => {},
    logger,
  })
  try {
    for (const meetingId of meetingIds) {
      const doc = new Y.Doc()
      try {
        for (const update of await storage.load(meetingId)) Y.applyUpdate(doc, update)
        await projector.project(meetingId, doc)
      } finally {
        doc.destroy()
      }
    }
    await projector.close()
  } finally {
    await extraction.close()
  }
}
