// Converts one Word document to HTML with mammoth, in a worker thread with its own memory
// limit: a document built to unpack into gigabytes then ends this thread, not the server.
// Plain JavaScript so the thread needs no TypeScript loader.
import { parentPort, workerData } from 'node:worker_threads'
import mammoth from 'mammoth'

const result = await mammoth.convertToHtml(
  { buffer: Buffer.from(workerData.bytes) },
  {
    externalFileAccess: false,
    convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
  },
)
parentPort.postMessage(result.value)
