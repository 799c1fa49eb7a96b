import type { RoomServer } from '@accord/sync'
import * as Y from 'yjs'
import { newId } from '../accounts/tokens.ts'
import type { MeetingStore, StatusChange } from './meeting-store.ts'
import { withStatusLock } from './read-only.ts'

export interface ApprovalDependencies {
  meetings: MeetingStore
  rooms: RoomServer
}

/**
 * Approves a meeting's minutes: the room stops taking edits first, then everything already
 * received is stored and the document as it then stands is the version recorded. An edit can
 * therefore never land after the snapshot on this instance. 'unchanged' (someone approved it
 * first) leaves the room read-only, as the minutes are; if storing fails the room takes edits
 * again, and the minutes stay a draft.
 */
export function approveMinutes(
  { meetings, rooms }: ApprovalDependencies,
  meetingId: string,
  personId: string,
): Promise<StatusChange> {
  return withStatusLock(meetingId, async () => {
    rooms.setReadOnly(meetingId, true)
    let change: StatusChange
    try {
      const snapshot = await rooms.read(meetingId, (doc) => Y.encodeStateAsUpdate(doc))
      const at = new Date().toISOString()
      change = await meetings.approve(meetingId, { id: newId(), snapshot, personId, at })
    } catch (error) {
      rooms.setReadOnly(meetingId, false)
      throw error
    }
    if (change === 'missing') rooms.setReadOnly(meetingId, false)
    return change
  })
}

/**
 * Reopens approved minutes: once storage says they are a draft again, the room takes edits
 * again. 'unchanged' means they were a draft already, so the room takes edits then too.
 */
export function reopenMinutes(
  { meetings, rooms }: ApprovalDependencies,
  meetingId: string,
  personId: string,
): Promise<StatusChange> {
  return withStatusLock(meetingId, async () => {
    const at = new Date().toISOString()
    const change = await meetings.reopen(meetingId, { id: newId(), personId, at })
    if (change !== 'missing') rooms.setReadOnly(meetingId, false)
    return change
  })
}
