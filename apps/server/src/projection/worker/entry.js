// The extraction worker's entry. Plain JavaScript because a worker thread starts without the
// server's `--import tsx` (its execArgv is emptied, as for docx-worker.js): tsx is registered
// here, in this thread only, and then the TypeScript worker (thread.ts, or the module a test
// names in workerData) is loaded with it, exactly as the server loads its own sources.
import { workerData } from 'node:worker_threads'
import { register } from 'tsx/esm/api'

register()
await import(workerData?.module ?? './thread.ts')
