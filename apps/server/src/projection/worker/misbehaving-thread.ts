/**
 * For tests only: thread.ts, except on minutes that contain one of two markers. With
 * CRASH_MARKER the worker fills its heap until V8 ends it (ERR_WORKER_OUT_OF_MEMORY, what a
 * document too big for the worker does, only faster), with SPIN_MARKER it never answers (a
 * runaway extraction). Everything else goes to the real taskHandlers, so a test sees
 * the real pool recover.
 */
import { parentPort } from 'node:worker_threads'
import { MINUTES_FIELD } from '@accord/minutes'
import { applyStoredUpdates } from '@accord/sync'
import * as Y from 'yjs'
import { taskHandlers } from './handlers.ts'
import type { TaskRequest } from './protocol.ts'
import { serveExtraction } from './serve.ts'

export const CRASH_MARKER = 'crash-the-extraction-worker'
export const SPIN_MARKER = 'spin-the-extraction-worker'

/** Whether the minutes hold the marker now: the stored updates still hold text deleted since. */
function contains({ task }: TaskRequest, marker: string): boolean {
  if (task.kind !== 'project') return false
  const doc = new Y.Doc()
  try {
    applyStoredUpdates(doc, task.updates)
    return doc.getXmlFragment(MINUTES_FIELD).toString().includes(marker)
  } finally {
    doc.destroy()
  }
}

// Imported by the tests for the markers: only a worker serves.
if (parentPort) {
  // Listens before serveExtraction does, so serveExtraction never answers these.
  parentPort.on('message', (request: TaskRequest) => {
    const hoard: number[][] = []
    if (contains(request, CRASH_MARKER)) for (;;) hoard.push(new Array<number>(1 << 20).fill(1))
    if (contains(request, SPIN_MARKER)) for (;;);
  })
  serveExtraction(parentPort, taskHandlers)
}
