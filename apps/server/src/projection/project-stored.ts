import type { Logger } from 'pino'
import type { Storage } from '../storage/storage.ts'
import { loadMeetingContext } from './context.ts'
import { extractInline } from './project-state.ts'
import { Projector } from './projector.ts'

/**
 * Stores the structure of meetings whose minutes were written straight to storage, with no
 * server running to project them (`npm run demo` before it starts the server). A running server
 * does this through its rooms instead. Extraction runs here, on this thread, with the same
 * projectState a server's worker runs: nothing is served yet, so there is no event loop to keep
 * free, and starting a worker (tsx, then its warm-up) would cost seconds for a few meetings.
 */
export async function projectStoredMeetings(
  storage: Storage,
  meetingIds: readonly string[],
  logger: Logger,
): Promise<void> {
  const projector = new Projector({
    store: storage.projection,
    load: (meetingId) => storage.loadWithRevision(meetingId),
    context: (meetingId) => loadMeetingContext(storage, meetingId),
    extract: extractInline,
    // Nobody has these minutes open yet.
    announce: () => {},
    logger,
  })
  for (const meetingId of meetingIds) await projector.project(meetingId)
  await projector.close()
}
