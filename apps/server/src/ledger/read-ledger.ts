import type { Ledger } from '@accord/minutes/ledger'
import type { Storage } from '../storage/storage.ts'
import { mergeLedgerSources, type MergedLedger } from './merge-ledger.ts'

/**
 * The coalition's ledger as storage holds it now (see merge-ledger.ts for the rules). Throws if
 * there is no such coalition: callers check access first, which finds it.
 */
export async function readLedger(storage: Storage, coalitionId: string): Promise<Ledger> {
  return (await readMergedLedger(storage, coalitionId)).ledger
}

/** The ledger with which meetings hold each ask: where a change to an ask is written. */
export async function readMergedLedger(
  storage: Storage,
  coalitionId: string,
): Promise<MergedLedger> {
  const [coalition, organisations, members, meetings, items, endorsements] = await Promise.all([
    storage.coalitions.getCoalition(coalitionId),
    storage.coalitions.listOrganisations(coalitionId),
    storage.coalitions.listMembers(coalitionId),
    storage.meetings.listMeetings(coalitionId),
    storage.projection.listCoalitionItems(coalitionId),
    storage.endorsements.listEndorsements(coalitionId),
  ])
  if (!coalition) throw new Error(`there is no coalition ${coalitionId}`)
  return mergeLedgerSources({
    coalition,
    organisations,
    people: members.map(({ personId, name, organisationId }) => ({
      id: personId,
      name,
      organisationId,
    })),
    meetings,
    items,
    endorsements,
  })
}
