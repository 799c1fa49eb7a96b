import { minutesSchema } from '@accord/minutes'
// The pipeline's subpath, not '@accord/minutes/extract': reading attendance needs no language
// model, and that entry loads one.
import { readAttendanceOf } from '@accord/minutes/extract/pipeline'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import type { MinutesJson } from './html-to-minutes.ts'

/**
 * The coalition's organisations the imported minutes record as present ("Present:", an
 * attendance table, "Name – Org"…), so the meeting opens with them ticked. Linear in the
 * minutes and without a language model: 2 MB of text reads in about 50–100 ms, less than the
 * import's own parsing of it.
 */
export async function attendanceOf(
  coalitions: Pick<CoalitionStore, 'getCoalition' | 'listOrganisations'>,
  coalitionId: string,
  minutes: MinutesJson,
): Promise<string[]> {
  const [coalition, organisations] = await Promise.all([
    coalitions.getCoalition(coalitionId),
    coalitions.listOrganisations(coalitionId),
  ])
  let present: string[]
  try {
    const doc = minutesSchema().nodeFromJSON(minutes)
    present = readAttendanceOf(doc, {
      organisations,
      coalitionName: coalition?.name,
    }).organisationsPresent
  } catch {
    // Ticking attendance is a convenience: minutes whose attendance cannot be read are still
    // imported, with nothing ticked, as before, for the chair to tick.
    return []
  }
  // Only ids of this coalition's organisations, once each, whatever the reader returns.
  const known = new Set(organisations.map((organisation) => organisation.id))
  return [...new Set(present)].filter((id) => known.has(id))
}
