import type {
  Structure,
  StructureAction,
  StructureAsk,
  StructureDecision,
  StructureLists,
} from '@accord/minutes/structure'

/** A stored item with the meeting it belongs to and when its row last changed (ISO time). */
export type Stored<T> = T & { meetingId: string; updatedAt: string }

/** Every stored item of a coalition's meetings, each list by meeting then position. */
export interface CoalitionItems {
  actions: Stored<StructureAction>[]
  asks: Stored<StructureAsk>[]
  decisions: Stored<StructureDecision>[]
}

/** Where the projected structure of each meeting is kept, for the API to serve. */
export interface ProjectionStore {
  /**
   * Makes the meeting's stored items equal `lists`, projected from its document at `revision`
   * (storage's loadWithRevision), in one transaction: new keys are inserted, changed items
   * updated (stamped `at`), keys no longer there deleted, equal items left untouched, and the
   * revision recorded. A projection from an older revision than the one recorded writes
   * nothing. Returns the meeting's new version if any item changed, otherwise null.
   */
  replaceStructure(
    meetingId: string,
    lists: StructureLists,
    at: string,
    revision: number,
  ): Promise<number | null>
  /** The stored structure, each list in document order; version 0 and empty lists before any. */
  getStructure(meetingId: string): Promise<Structure>
  /** The items of every meeting of the coalition, for the ledger. */
  listCoalitionItems(coalitionId: string): Promise<CoalitionItems>
  /**
   * Meetings (of the coalition, or all) whose document is at a later revision than the one
   * their structure was projected from, or was never projected: what a crash left behind.
   * Latest meetings first.
   */
  listMeetingsBehind(coalitionId?: string): Promise<string[]>
}
