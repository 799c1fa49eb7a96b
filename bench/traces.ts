/**
 * Real editing traces (josephg/editing-traces), kept beside the repository in
 * ../shared/data/editing-traces so a fresh clone with shared/ next to it finds them.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'

export const repoRoot = fileURLToPath(new URL('..', import.meta.url))
export const tracesDir = path.resolve(repoRoot, '../shared/data/editing-traces')
export const automergePaperPath = path.join(tracesDir, 'automerge-paper.json.gz')

/** Required by CC BY 4.0 wherever figures measured with the trace are published. */
export const traceCredit =
  'Editing trace "automerge-paper" (prepared by Martin Kleppmann for automerge-perf) from the ' +
  'josephg/editing-traces collection, used under CC BY 4.0 ' +
  '(https://creativecommons.org/licenses/by/4.0/).'

/** `[position, deleteCount, insertText]`, applied in order. */
export type Patch = [number, number, string]

export interface SequentialTrace {
  startContent: string
  endContent: string
  txns: { patches: Patch[] }[]
}

export function loadSequentialTrace(file: string): SequentialTrace {
  if (!fs.existsSync(file)) {
    throw new Error(
      `Editing trace not found at ${file}; the bench expects shared/ beside the repo.`,
    )
  }
  const trace = JSON.parse(gunzipSync(fs.readFileSync(file)).toString('utf8')) as SequentialTrace
  if (!Array.isArray(trace.txns) || typeof trace.startContent !== 'string') {
    throw new Error(`${file} is not a sequential editing trace`)
  }
  return trace
}
