/**
 * The extraction worker (see protocol.ts and pool.ts): reads minutes and extracts their
 * structure off the server's event loop, for the projection and the demo.
 */
import os from 'node:os'
import { parentPort } from 'node:worker_threads'
import { taskHandlers } from './handlers.ts'
import { serveExtraction } from './serve.ts'

if (!parentPort) throw new Error('thread.ts runs as a worker thread (see pool.ts)')
// The event loop answers everyone; an extraction can wait a moment. On Linux a thread's nice
// value is its own, so this lowers this worker alone: when both want a core, the server's main
// thread gets it first (with one worker on two cores, a busy worker delayed the loop by tens
// of milliseconds). Elsewhere the call would lower the whole server, so it is not made there.
if (process.platform === 'linux') {
  try {
    os.setPriority(0, os.constants.priority.PRIORITY_BELOW_NORMAL)
  } catch {
    // Not allowed here: the worker keeps the server's priority.
  }
}
serveExtraction(parentPort, taskHandlers)
