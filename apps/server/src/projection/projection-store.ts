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
   * Makes the meeting's stored items equal `lists`, in one transaction: new keys are inserted,
   * changed items updated (stamped `at`), keys no longer there deleted, and equal items left
   * untouched. Returns the meeting's new version if anything changed, otherwise null.
   */
  replaceStructure(meetingId: string, lists: StructureLists, at: string): Promise<number | null>
  /** The stored structure, each list in document order; version 0 and empty lists before any. */
  getStructure(meetingId: string): Promise<Structure>
  /** The items of every meeting of the coalition, for the ledger. */
  listCoalitionItems(coalitionId: string): Promise<CoalitionItems>
}
