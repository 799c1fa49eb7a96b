import { Worker } from 'node:worker_threads'
import { ApiError } from '../http/api-error.ts'

/** Limits for one conversion: beyond them a file is refused, whatever its compressed size. */
const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024
const MAX_WORKER_HEAP_MB = 256
const MAX_CONVERSION_MS = 20_000
const MAX_HTML_CHARS = 20 * 1024 * 1024

/**
 * The HTML of a Word document, by mammoth. Images are not read (minutes keep their alt text
 * only) and files the document links to are never opened. Anything mammoth cannot read – not a
 * zip, a zip without a Word document in it – is a 400 `corrupt_file`. A zip is small on the
 * wire and can unpack to gigabytes, so the sizes it declares are checked first and the
 * conversion runs in a worker thread with its own memory and time limits (`file_too_complex`).
 */
export async function docxToHtml(bytes: Uint8Array, fileName: string): Promise<string> {
  // A .docx is a zip; check its signature first so random bytes fail fast and clearly.
  if (!startsWithZipSignature(bytes)) throw corruptFile(fileName)
  const unzipped = declaredUnzippedBytes(bytes)
  if (unzipped === undefined) throw corruptFile(fileName)
  if (unzipped > MAX_UNZIPPED_BYTES) throw tooComplex(fileName)
  const html = await convertInWorker(bytes, fileName)
  if (html.length > MAX_HTML_CHARS) throw tooComplex(fileName)
  return html
}

function convertInWorker(bytes: Uint8Array, fileName: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./docx-worker.js', import.meta.url), {
      workerData: { bytes },
      resourceLimits: { maxOldGenerationSizeMb: MAX_WORKER_HEAP_MB },
      // The worker is plain JavaScript: the server's own loader flags are not needed there.
      execArgv: [],
    })
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      void worker.terminate()
      outcome()
    }
    const timer = setTimeout(() => settle(() => reject(tooComplex(fileName))), MAX_CONVERSION_MS)
    worker.once('message', (html: string) => settle(() => resolve(html)))
    worker.once('error', (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooComplex(fileName)
            : corruptFile(fileName, error),
        ),
      ),
    )
    worker.once('exit', () => settle(() => reject(corruptFile(fileName))))
  })
}

/**
 * The total size a zip says its files unpack to, from its central directory; undefined when
 * there is no readable directory. ZIP64 archives (which mark sizes 0xFFFFFFFF) count as too big.
 */
export function declaredUnzippedBytes(bytes: Uint8Array): number | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const END_OF_DIRECTORY = 0x06054b50
  const CENTRAL_HEADER = 0x02014b50
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END_OF_DIRECTORY) {
      end = i
      break
    }
  }
  if (end < 0) return undefined
  const entries = view.getUint16(end + 10, true)
  let offset = view.getUint32(end + 16, true)
  let total = 0
  for (let entry = 0; entry < entries; entry++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      return undefined
    }
    const size = view.getUint32(offset + 24, true)
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY
    total += size
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true)
  }
  return total
}

function startsWithZipSignature(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04
}

function corruptFile(fileName: string, cause?: unknown): ApiError {
  return new ApiError(
    400,
    'corrupt_file',
    `"${fileName}" could not be read as a Word document (.docx). Save it again from Word, or paste its text.`,
    { cause },
  )
}

function tooComplex(fileName: string): ApiError {
  return new ApiError(
    400,
    'file_too_complex',
    `"${fileName}" unpacks to more than Accord imports at once. Split the minutes, or paste their text.`,
  )
}
