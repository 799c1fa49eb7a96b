import type { Node } from '@tiptap/pm/model'
import { english } from '../language/english.ts'
import { createExtractor } from './pipeline.ts'
import type { ExtractContext, Extraction } from './types.ts'

export { createExtractor, readAttendanceOf } from './pipeline.ts'
export type { Attendance, Attendee } from './participants/attendance.ts'
export * from './types.ts'

/**
 * One meeting's actions, asks and decisions, read with the English model: see STRUCTURE.md.
 * The web client loads the model on demand and calls `createExtractor` itself
 * (`@accord/minutes/extract/pipeline`), so this entry is for the server and the CLI.
 */
export function extract(doc: Node, context: ExtractContext): Extraction {
  try {
    return createExtractor(context, english)(doc)
  } catch {
    return { actions: [], asks: [], decisions: [] }
  }
}
