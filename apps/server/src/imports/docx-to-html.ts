import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { ApiError } from '../http/api-error.ts'

/** What one conversion may use; past any of them the file is refused, and nothing is kept. */
export interface DocxLimits {
  /** Bytes the parts read from the zip may unpack to, counted as they are unpacked. */
  maxUnpackedBytes: number
  /** Heap of the converting process. */
  maxHeapMb: number
  maxMilliseconds: number
  /** Bytes of HTML the conversion may produce. */
  maxHtmlBytes: number
}

export const DOCX_LIMITS: DocxLimits = {
  maxUnpackedBytes: 50 * 1024 * 1024,
  maxHeapMb: 256,
  maxMilliseconds: 20_000,
  maxHtmlBytes: 20 * 1024 * 1024,
}

const CHILD = fileURLToPath(new URL('./docx-child.js', import.meta.url))
/** docx-child.js's exit codes. */
const BROKEN = 2
const TOO_BIG = 3

/**
 * The HTML of a Word document, by mammoth, in a process of its own (docx-child.js): it unpacks
 * only what mammoth reads, counts every byte it unpacks and stops at `maxUnpackedBytes`, and
 * its memory all goes back to the system when it exits. A worker thread would keep some: about
 * 50 MB stayed with the server after each 40 MB document, against nothing for a process, whose
 * start costs about 150 ms. Images are not read (minutes keep their alt text only) and files
 * the document links to are never opened. Throws a 400: `corrupt_file` for what mammoth cannot
 * read, `file_too_complex` past a limit.
 */
export async function docxToHtml(
  bytes: Uint8Array,
  fileName: string,
  limits: DocxLimits = DOCX_LIMITS,
): Promise<string> {
  // A .docx is a zip; check its signature first so random bytes fail fast and clearly.
  if (!startsWithZipSignature(bytes)) throw corruptFile(fileName)
  const outcome = await convertInChild(bytes, limits)
  switch (outcome.kind) {
    case 'html':
      return outcome.html
    case 'broken':
      throw corruptFile(fileName, outcome.cause)
    case 'too big':
      throw expandsTooMuch(fileName, limits.maxUnpackedBytes)
    case 'over a limit':
      throw tooComplex(fileName, outcome.cause)
  }
}

type Outcome =
  | { kind: 'html'; html: string }
  | { kind: 'broken' | 'over a limit'; cause: string }
  | { kind: 'too big' }

function convertInChild(bytes: Uint8Array, limits: DocxLimits): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${limits.maxHeapMb}`, CHILD, String(limits.maxUnpackedBytes)],
      // Nothing of the server's environment (database URL and all) for a parser of uploads.
      { env: {}, stdio: ['pipe', 'pipe', 'pipe'] },
    )
    const html: Buffer[] = []
    let htmlBytes = 0
    let diagnostics = ''
    let overLimit: string | undefined
    const stop = (why: string) => {
      overLimit ??= why
      child.kill('SIGKILL')
    }
    const timer = setTimeout(
      () => stop(`took over ${limits.maxMilliseconds} ms`),
      limits.maxMilliseconds,
    )
    child.stdout.on('data', (chunk: Buffer) => {
      htmlBytes += chunk.length
      if (htmlBytes > limits.maxHtmlBytes) stop(`wrote over ${limits.maxHtmlBytes} bytes of HTML`)
      else html.push(chunk)
    })
    child.stderr.on(
      'data',
      (chunk: Buffer) => (diagnostics = (diagnostics + chunk.toString()).slice(-2000)),
    )
    // The child may be gone before it read everything (killed, or it gave up early): its
    // exit says why, so a broken pipe here says nothing more.
    child.stdin.on('error', () => undefined)
    child.stdin.end(bytes)
    child.once('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    child.once('close', (code, signal) => {
      clearTimeout(timer)
      if (overLimit) resolve({ kind: 'over a limit', cause: overLimit })
      else if (code === 0) resolve({ kind: 'html', html: Buffer.concat(html).toString('utf8') })
      else if (code === TOO_BIG) resolve({ kind: 'too big' })
      else if (code === BROKEN) resolve({ kind: 'broken', cause: diagnostics.trim() })
      // Anything else is the process dying on its own: out of heap, most likely.
      else
        resolve({
          kind: 'over a limit',
          cause: `ended with ${signal ?? code}: ${diagnostics.trim()}`,
        })
    })
  })
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

function expandsTooMuch(fileName: string, maxUnpackedBytes: number): ApiError {
  const megabytes = Math.floor(maxUnpackedBytes / 1024 / 1024)
  return new ApiError(
    400,
    'file_too_complex',
    `This Word file ("${fileName}") expands to more than ${megabytes} MB when unpacked, more than Accord imports at once. Nothing was imported: split the minutes into smaller files, or paste their text.`,
  )
}

function tooComplex(fileName: string, cause: string): ApiError {
  return new ApiError(
    400,
    'file_too_complex',
    `"${fileName}" needs more time or memory to read than Accord gives one import. Nothing was imported: split the minutes into smaller files, or paste their text.`,
    { cause },
  )
}
