import type { RoomServer } from '@accord/sync'
import type { MeetingStore } from './meeting-store.ts'

/**
 * Approved minutes are read-only. The database holds the status; each instance's RoomServer
 * enforces it (`setReadOnly`), so every instance must copy the status into its room: on every
 * admission, on approval and reopening, and in the periodic check of live connections.
 *
 * Copying is a read then a write, so on one instance all of it runs under one lock per meeting:
 * otherwise a connection admitted while a chair approves could read "draft" just before the
 * approval is stored and make the room writable again just after. Across instances the
 * periodic check (and the next admission) brings a room into step.
 *
 * The lock is per process rather than per server: meeting ids are random, and two servers in
 * one process (tests) sharing a meeting only wait for each other, which is harmless.
 */
const queues = new Map<string, Promise<void>>()

/** Runs `task` once every earlier task for the same meeting is done, whatever they did. */
export async function withStatusLock<T>(meetingId: string, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(meetingId) ?? Promise.resolve()
  const run = previous.then(task)
  const tail = run.then(
    () => undefined,
    () => undefined,
  )
  queues.set(meetingId, tail)
  try {
    return await run
  } finally {
    if (queues.get(meetingId) === tail) queues.delete(meetingId)
  }
}

/**
 * Makes the meeting's room (loaded now or later) read-only exactly when storage says its minutes
 * are approved. Resolves the meeting as read, undefined if there is none.
 */
export function followStatus(meetings: MeetingStore, rooms: RoomServer, meetingId: string) {
  return withStatusLock(meetingId, async () => {
    const meeting = await meetings.getMeeting(meetingId)
    if (meeting) rooms.setReadOnly(meeting.id, meeting.status === 'approved')
    return meeting
  })
}

/** followStatus for each meeting, one after another: a periodic check need not be quick. */
export async function followStatuses(
  meetings: MeetingStore,
  rooms: RoomServer,
  meetingIds: Iterable<string>,
): Promise<void> {
  for (const meetingId of meetingIds) await followStatus(meetings, rooms, meetingId)
}
