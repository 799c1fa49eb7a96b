/**
 * Big documents for P3 (join storm) and P6 (cold open), built from the automerge-paper trace:
 * the trace replayed COPIES times into one Y.Text, each copy appended after the previous, and
 * kept as one Yjs update per copy. Copy 0, applied alone, is one automerge-paper document (the
 * 311 KB update of the whole trace); all of them in order make the 10 × document (≈ 3 MB).
 *
 * Replaying 10 × 259,778 edits takes about 16 s, so the updates are cached in os.tmpdir(),
 * keyed by the trace file's size and mtime and the yjs version (never committed). Each copy is
 * replayed as one transaction: the update it emits holds exactly that copy's insertions and
 * deletions, and encodes to the same bytes as replaying the trace edit by edit (checked once,
 * 311,038 bytes either way).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import * as Y from 'yjs'
import { versions } from '../environment.ts'
import { automergePaperPath, loadSequentialTrace, type SequentialTrace } from '../traces.ts'

/** How many copies the 10 × document holds (the "10 × automerge-paper"). */
export const COPIES = 10
/** The shared type every client of the bench edits and reads. */
export const TEXT_NAME = 'text'
/** Bumped whenever the cache file's layout or contents change. */
const FORMAT = 1

export interface Papers {
  /** One update per copy, to apply in order; `updates[0]` alone is one automerge-paper. */
  updates: Uint8Array[]
  /** The text of one copy (the trace's endContent); the document is this COPIES times. */
  copyText: string
}

/**
 * The cache file's path, building it first if it is missing (in this process, ~16 s). Load
 * generators read it with `readPapers`, so the orchestrator builds once per bench run at most.
 */
export function ensurePapers(tracePath = automergePaperPath): string {
  const stat = fs.statSync(tracePath)
  const yjs = versions().yjs ?? 'unknown'
  const file = path.join(
    os.tmpdir(),
    `accord-bench-papers-v${FORMAT}-${COPIES}x-${path.basename(tracePath, '.json.gz')}-` +
      `${stat.size}-${Math.round(stat.mtimeMs)}-yjs${yjs}.bin`,
  )
  if (fs.existsSync(file)) return file
  console.log(`Building ${COPIES} × ${path.basename(tracePath)} (once; cached in ${file}) …`)
  const papers = buildPapers(loadSequentialTrace(tracePath))
  // Written aside and renamed, so a reader never sees half a file.
  const partial = `${file}.${process.pid}.partial`
  fs.writeFileSync(partial, encodePapers(papers))
  fs.renameSync(partial, file)
  return file
}

export function readPapers(file: string): Papers {
  return decodePapers(new Uint8Array(fs.readFileSync(file)))
}

/** The 10 × document's text length once every copy is in. */
export function fullLength(papers: Papers): number {
  return papers.copyText.length * papers.updates.length
}

function buildPapers(trace: SequentialTrace): Papers {
  const doc = new Y.Doc()
  const text = doc.getText(TEXT_NAME)
  const updates: Uint8Array[] = []
  for (let copy = 0; copy < COPIES; copy++) {
    const offset = text.length
    let update: Uint8Array | undefined
    const keep = (u: Uint8Array) => (update = u)
    doc.on('update', keep)
    doc.transact(() => {
      if (trace.startContent) text.insert(offset, trace.startContent)
      for (const { patches } of trace.txns) {
        for (const [position, deleteCount, insertText] of patches) {
          if (deleteCount > 0) text.delete(offset + position, deleteCount)
          if (insertText) text.insert(offset + position, insertText)
        }
      }
    })
    doc.off('update', keep)
    updates.push(update!)
  }
  const papers = { updates, copyText: trace.endContent }
  // The replay must give the trace's own end result, copy after copy.
  if (text.toString() !== trace.endContent.repeat(COPIES)) {
    throw new Error('replaying the trace did not give its endContent; the trace file is wrong')
  }
  doc.destroy()
  return papers
}

/** [count][length, bytes] × count, then the copy's text as UTF-8; lengths are uint32 LE. */
function encodePapers({ updates, copyText }: Papers): Uint8Array {
  const textBytes = Buffer.from(copyText, 'utf8')
  const size = 4 + updates.reduce((sum, u) => sum + 4 + u.byteLength, 0) + textBytes.byteLength
  const out = Buffer.alloc(size)
  let at = out.writeUInt32LE(updates.length, 0)
  for (const update of updates) {
    at = out.writeUInt32LE(update.byteLength, at)
    out.set(update, at)
    at += update.byteLength
  }
  out.set(textBytes, at)
  return out
}

function decodePapers(bytes: Uint8Array): Papers {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const count = view.readUInt32LE(0)
  let at = 4
  const updates: Uint8Array[] = []
  for (let i = 0; i < count; i++) {
    const length = view.readUInt32LE(at)
    at += 4
    updates.push(bytes.slice(at, at + length))
    at += length
  }
  return { updates, copyText: view.toString('utf8', at) }
}
