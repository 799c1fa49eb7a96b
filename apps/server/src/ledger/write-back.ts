import type { RoomServer } from '@accord/sync'
import type * as Y from 'yjs'
import { ApiError } from '../http/api-error.ts'
import { withStatusLock } from '../meetings/read-only.ts'
import type { Storage } from '../storage/storage.ts'

export interface WriteBackDependencies {
  storage: Pick<Storage, 'meetings'>
  rooms: Pick<RoomServer, 'edit'>
}

export const minutesApproved = (what: string) =>
  new ApiError(
    409,
    'minutes_approved',
    `Every meeting that holds this ${what} is approved; a chair must reopen the minutes first.`,
  )

/**
 * Writes `change` into the document of each of the meetings that is still a draft, one after
 * another, and answers which documents changed. Approved minutes are never written: the status
 * is read under the same per-meeting lock approval takes, so an approval either comes first
 * (and the meeting is skipped) or snapshots the document with this change in it. Throws
 * 409 minutes_approved when every one of the meetings is approved.
 */
export async function writeToDrafts(
  { storage, rooms }: WriteBackDependencies,
  meetingIds: readonly string[],
  what: string,
  change: (doc: Y.Doc) => unknown,
): Promise<string[]> {
  let drafts = 0
  const changed: string[] = []
  for (const meetingId of meetingIds) {
    await withStatusLock(meetingId, async () => {
      const meeting = await storage.meetings.getMeeting(meetingId)
      if (meeting?.status !== 'draft') return
      drafts += 1
      if (await rooms.edit(meetingId, change)) changed.push(meetingId)
    })
  }
  if (drafts === 0) throw minutesApproved(what)
  return changed
}
