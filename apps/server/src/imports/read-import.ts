import { minutesToUpdate } from '@accord/minutes/import'
import { ApiError } from '../http/api-error.ts'
import { readAttendance, type AttendanceContext } from './attendance.ts'
import { readMinutes, type MinutesInput } from './minutes-source.ts'

/** One import's work for the server's worker pool (projection/worker/protocol.ts). */
export interface ImportInput {
  minutes: MinutesInput
  attendance: AttendanceContext
}

/**
 * The imported meeting's document and what the route needs of it, or why the minutes are
 * refused (always a 400: the input is at fault). Plain data, to cross back from the worker.
 */
export type ImportOutcome =
  | {
      ok: true
      /** The whole document as one Yjs update, to store as the meeting's first. */
      update: Uint8Array
      /** The text of the first heading, if the minutes have one. */
      heading: string | undefined
      /** Ids of the coalition's organisations the minutes record as present. */
      attendance: string[]
    }
  | { ok: false; code: string; message: string }

/**
 * Everything in an import that grows with the minutes: decoding, parsing, reading attendance
 * and building the Yjs update. 5 MB of text take over a second of it, so it runs in a worker
 * (handlers.ts), never on the server's thread.
 */
export function readImport({ minutes: input, attendance }: ImportInput): ImportOutcome {
  try {
    const { minutes, heading } = readMinutes(input)
    return {
      ok: true,
      update: minutesToUpdate(minutes),
      heading,
      attendance: readAttendance(minutes, attendance),
    }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, code: error.code, message: error.message }
    throw error
  }
}
