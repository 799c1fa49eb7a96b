import type { Node } from '@tiptap/pm/model'
import { english } from '../language/english.ts'
import { createExtractor, type ExtractorOptions } from './pipeline.ts'
import type { ExtractContext, Extraction } from './types.ts'

export { createExtractor, readAttendanceOf, type ExtractorOptions } from './pipeline.ts'
export type { Attendance, Attendee } from './participants/attendance.ts'
export * from './types.ts'

/** Extractors of the contexts read lately: a meeting is projected again after every edit. */
const extractors = new Map<string, (doc: Node) => Extraction>()
const EXTRACTORS_KEPT = 32

/**
 * One meeting's actions, asks and decisions, read with the English model: see STRUCTURE.md.
 * The web client loads the model on demand and calls `createExtractor` itself
 * (`@accord/minutes/extract/pipeline`), so this entry is for the server and the CLI.
 */
export function extract(
  doc: Node,
  context: ExtractContext,
  options?: ExtractorOptions,
): Extraction {
  try {
    if (options) return createExtractor(context, english, options)(doc)
    const key = JSON.stringify(context)
    let run = extractors.get(key)
    if (run) {
      extractors.delete(key)
    } else {
      run = createExtractor(context, english)
      if (extractors.size >= EXTRACTORS_KEPT) extractors.delete(extractors.keys().next().value!)
    }
    extractors.set(key, run)
    return run(doc)
  } catch (error) {
    options?.onError?.('extract', error)
    return { actions: [], asks: [], decisions: [] }
  }
}
