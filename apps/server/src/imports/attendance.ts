import { minutesSchema } from '@accord/minutes'
// The pipeline's subpath, not '@accord/minutes/extract': reading attendance needs no language
// model, and that entry loads one.
import { readAttendanceOf } from '@accord/minutes/extract/pipeline'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import type { MinutesJson } from './html-to-minutes.ts'

/** What reading attendance needs to know of the coalition: plain data, to send to a worker. */
export type AttendanceContext = Parameters<typeof readAttendanceOf>[1]

/** The coalition's organisations and name, read on the server's thread from storage. */
export async function attendanceContext(
  coalitions: Pick<CoalitionStore, 'getCoalition' | 'listOrganisations'>,
  coalitionId: string,
): Promise<AttendanceContext> {
  const [coalition, organisations] = await Promise.all([
    coalitions.getCoalition(coalitionId),
    coalitions.listOrganisations(coalitionId),
  ])
  return { organisations, coalitionName: coalition?.name }
}

/**
 * The coalition's organisations the imported minutes record as present ("Present:", an
 * attendance table, "Name – Org"…), so the meeting opens with them ticked. Linear in the
 * minutes and without a language model, but 5 MB of text still takes a few hundred ms: it runs
 * in the import's worker (read-import.ts), never on the server's thread.
 */
export function readAttendance(minutes: MinutesJson, context: AttendanceContext): string[] {
  let present: string[]
  try {
    const doc = minutesSchema().nodeFromJSON(minutes)
    present = readAttendanceOf(doc, context).organisationsPresent
  } catch {
    // Ticking attendance is a convenience: minutes whose attendance cannot be read are still
    // imported, with nothing ticked, as before, for the chair to tick.
    return []
  }
  // Only ids of this coalition's organisations, once each, whatever the reader returns.
  const known = new Set(context.organisations.map((organisation) => organisation.id))
  return [...new Set(present)].filter((id) => known.has(id))
}
