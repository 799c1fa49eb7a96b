import { Hono, type Context } from 'hono'
import { newMeetingSchema, readMinutes, type Meeting } from '@accord/minutes'
import type { RoomServer } from '@accord/sync'
import * as Y from 'yjs'
import { requirePermission } from '../coalitions/access.ts'
import type { Caps } from '../coalitions/caps.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { parseBody } from '../http/parse-body.ts'
import type { Audit } from '../operations/audit.ts'
import type { Storage } from '../storage/storage.ts'
import { approveMinutes, reopenMinutes } from './approval.ts'
import { meetingAccess } from './routes.ts'
import { startNextMeeting } from './start-next-meeting.ts'

export interface LifecycleRoutesDependencies {
  storage: Storage
  rooms: RoomServer
  /** Stores a meeting's structure from its document now (see server.ts). */
  projectNow: (meetingId: string) => Promise<void>
  audit: Audit
  /** The next meeting counts against the caps on meetings (coalitions/caps.ts). */
  caps: Pick<Caps, 'newMeeting'>
}

const alreadyApproved = () =>
  new ApiError(409, 'already_approved', 'These minutes are approved already.')

/** The audit log's facts about a change to a meeting: who made it, to which meeting. */
const whoAndWhat = ({ person, meeting }: { person: { id: string }; meeting: Meeting }) => ({
  personId: person.id,
  coalitionId: meeting.coalitionId,
  meetingId: meeting.id,
})

/** Mounted at /api/meetings: approve and reopen the minutes, their versions, the next meeting. */
export function meetingLifecycleRoutes(deps: LifecycleRoutesDependencies) {
  const { storage, rooms, audit, caps } = deps
  const { meetings, coalitions } = storage
  const access = (c: Context<AppEnv>) => meetingAccess(c, { meetings, coalitions })
  const current = async (id: string) => {
    const meeting = await meetings.getMeeting(id)
    if (!meeting) throw new ApiError(404, 'not_found', `There is no meeting with id "${id}".`)
    return meeting
  }

  return new Hono<AppEnv>()
    .post('/:id/approve', async (c) => {
      const found = await access(c)
      requirePermission(found, 'approveMinutes', 'approve minutes')
      if (found.meeting.status === 'approved') throw alreadyApproved()
      const change = await approveMinutes({ meetings, rooms }, found.meeting.id, found.person.id)
      if (change === 'unchanged') throw alreadyApproved()
      audit('meeting_approved', whoAndWhat(found))
      return c.json({ meeting: await current(found.meeting.id) })
    })
    .post('/:id/reopen', async (c) => {
      const found = await access(c)
      requirePermission(found, 'approveMinutes', 'reopen minutes')
      const change = await reopenMinutes({ meetings, rooms }, found.meeting.id, found.person.id)
      if (change === 'unchanged') {
        throw new ApiError(
          409,
          'not_approved',
          'These minutes are not approved; nothing to reopen.',
        )
      }
      audit('meeting_reopened', whoAndWhat(found))
      return c.json({ meeting: await current(found.meeting.id) })
    })
    .get('/:id/versions', async (c) => {
      const { meeting } = await access(c)
      return c.json({ versions: await meetings.listVersions(meeting.id) })
    })
    .get('/:id/versions/:vid', async (c) => {
      const { meeting } = await access(c)
      const versionId = c.req.param('vid')
      const version = (await meetings.listVersions(meeting.id)).find((v) => v.id === versionId)
      const snapshot = version && (await meetings.getSnapshot(meeting.id, version.id))
      // A reopening is listed among the versions but holds no minutes.
      if (!version || !snapshot) {
        throw new ApiError(
          404,
          'not_found',
          `There is no approved version "${versionId}" of these minutes.`,
        )
      }
      const doc = new Y.Doc()
      try {
        Y.applyUpdate(doc, snapshot)
        return c.json({ version, minutes: readMinutes(doc).json })
      } finally {
        doc.destroy()
      }
    })
    .post('/:id/next', async (c) => {
      const found = await access(c)
      requirePermission(found, 'manageMeetings', 'start the next meeting')
      const input = await parseBody(c, newMeetingSchema)
      const { person, meeting: previous } = found
      const meeting = await caps.newMeeting(person.id, previous.coalitionId, () =>
        startNextMeeting(deps, previous, input),
      )
      return c.json({ meeting }, 201, { Location: `/api/meetings/${meeting.id}` })
    })
}
