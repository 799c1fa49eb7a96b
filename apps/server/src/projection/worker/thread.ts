/**
 * The extraction worker (see protocol.ts and pool.ts): reads minutes and extracts their
 * structure off the server's event loop, for the projection and the demo.
 */
import { parentPort } from 'node:worker_threads'
import { taskHandlers } from './handlers.ts'
import { serveExtraction } from './serve.ts'

if (!parentPort) throw new Error('thread.ts runs as a worker thread (see pool.ts)')
serveExtraction(parentPort, taskHandlers)
