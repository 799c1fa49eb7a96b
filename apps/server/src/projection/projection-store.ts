import type { Structure, StructureLists } from '@accord/minutes/structure'

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
}
