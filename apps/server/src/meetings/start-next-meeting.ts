import { readMinutes, type Meeting, type NewMeeting } from '@accord/minutes'
import { minutesToUpdate } from '@accord/minutes/import'
import type { RoomServer } from '@accord/sync'
import { newId } from '../accounts/tokens.ts'
import { readLedger } from '../ledger/read-ledger.ts'
import type { Storage } from '../storage/storage.ts'
import { nextMeetingMinutes } from './next-meeting.ts'

export interface StartNextMeetingDependencies {
  storage: Storage
  rooms: RoomServer
  /** Stores a meeting's structure from its document now (see server.ts). */
  projectNow: (meetingId: string) => Promise<void>
}

/**
 * Creates the meeting after `previous`, in its coalition, with its minutes begun: the previous
 * agenda and the coalition's outstanding actions (see next-meeting.ts). The previous minutes
 * are projected first, so an action typed there a moment ago is carried too, and so is every
 * meeting of the coalition whose minutes changed after their last projection (an action marked
 * done a moment ago, or before a crash): what is carried is what the minutes say, never a
 * ledger behind them, which the new minutes would otherwise repeat for good.
 */
export async function startNextMeeting(
  { storage, rooms, projectNow }: StartNextMeetingDependencies,
  previous: Meeting,
  input: NewMeeting,
): Promise<Meeting> {
  await projectNow(previous.id)
  for (const meetingId of await storage.projection.listMeetingsBehind(previous.coalitionId)) {
    await projectNow(meetingId)
  }
  const [minutes, ledger] = await Promise.all([
    rooms.read(previous.id, (doc) => readMinutes(doc).json),
    readLedger(storage, previous.coalitionId),
  ])
  const update = minutesToUpdate(nextMeetingMinutes(minutes, ledger))

  const id = newId()
  // The document first, as an import does: should creating the meeting fail, what is left is a
  // document no meeting points at, rather than a meeting with its minutes missing.
  await storage.append([{ docName: id, update }])
  const meeting = await storage.meetings.createMeeting({
    ...input,
    id,
    coalitionId: previous.coalitionId,
    status: 'draft',
    attendance: [],
    createdAt: new Date().toISOString(),
  })
  try {
    // So the ledger holds the carried actions in the new meeting straight away.
    await projectNow(id)
  } catch {
    // The meeting exists either way, and its structure is projected when it is first opened;
    // failing here would only make the chair start it twice. The room server logged why.
  }
  return meeting
}
