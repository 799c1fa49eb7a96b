import { isOutstanding, isOwnedBy, type Ledger } from '@accord/minutes/ledger'
import type { TrackerRow } from './rows.ts'

/**
 * How many actions each organisation owes. The three numbers never overlap, so they stack into
 * one bar: `open` is still to do and not yet late, `overdue` still to do and late, `done` done.
 * Dropped actions count nowhere. An action owed by all members counts for every organisation.
 */
export interface OrganisationCounts {
  organisationId: string
  name: string
  shortName: string
  open: number
  overdue: number
  done: number
}

export function countsByOrganisation(
  organisations: Ledger['organisations'],
  rows: readonly TrackerRow[],
): OrganisationCounts[] {
  return organisations.map(({ id, name, shortName }) => {
    const counts = { organisationId: id, name, shortName, open: 0, overdue: 0, done: 0 }
    for (const { action, dueBucket } of rows) {
      if (!isOwnedBy(action, id)) continue
      if (action.status === 'done') counts.done += 1
      else if (dueBucket === 'overdue') counts.overdue += 1
      else if (isOutstanding(action)) counts.open += 1
    }
    return counts
  })
}
