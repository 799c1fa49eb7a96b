import { Hono, type Context } from 'hono'
import {
  attendanceSchema,
  meetingIdSchema,
  meetingPatchSchema,
  newMeetingSchema,
  type Meeting,
} from '@accord/minutes'
import type { DocumentStore } from '@accord/sync'
import { requirePerson } from '../accounts/require-person.ts'
import { newId } from '../accounts/tokens.ts'
import { coalitionAccess, requirePermission, type Access } from '../coalitions/access.ts'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { meetingImportRoutes, type MeetingImportDependencies } from '../imports/routes.ts'
import { parseBody } from '../http/parse-body.ts'
import type { RenderMinutes } from '../exports/render-minutes.ts'
import type { ProjectionStore } from '../projection/projection-store.ts'
import type { MeetingStore } from './meeting-store.ts'

export interface MeetingRoutesDependencies {
  meetings: MeetingStore
  coalitions: CoalitionStore
  documents: DocumentStore
}

const meetingNotFound = (id: string) =>
  new ApiError(404, 'not_found', `There is no meeting with id "${id}" in your coalitions.`)

/** Approved minutes are the record: their title, date and attendance stay as approved too. */
function refuseIfApproved(meeting: Meeting): void {
  if (meeting.status === 'approved') {
    throw new ApiError(
      409,
      'minutes_approved',
      'These minutes are approved; a chair must reopen them before they can change.',
    )
  }
}

/**
 * A meeting and the signed-in person's membership of its coalition. Outside that coalition the
 * meeting does not exist, exactly as for a wrong id.
 */
export async function meetingAccess(
  c: Context<AppEnv>,
  { meetings, coalitions }: Pick<MeetingRoutesDependencies, 'meetings' | 'coalitions'>,
): Promise<Access & { meeting: Meeting }> {
  const person = requirePerson(c)
  const id = c.req.param('id') ?? ''
  const meeting = meetingIdSchema.safeParse(id).success ? await meetings.getMeeting(id) : undefined
  const membership = meeting && (await coalitions.findMembership(person.id, meeting.coalitionId))
  if (!meeting || !membership) throw meetingNotFound(id)
  return { person, membership, meeting }
}

/** `/api/coalitions/:cid/meetings`: a coalition's meetings. */
export function coalitionMeetingRoutes(
  deps: MeetingRoutesDependencies & MeetingImportDependencies,
) {
  const { meetings, coalitions, caps } = deps
  return new Hono<AppEnv>()
    .route('/import', meetingImportRoutes(deps))
    .get('/', async (c) => {
      const { membership } = await coalitionAccess(c, coalitions, c.req.param('cid') ?? '')
      return c.json({ meetings: await meetings.listMeetings(membership.coalitionId) })
    })
    .post('/', async (c) => {
      const access = await coalitionAccess(c, coalitions, c.req.param('cid') ?? '')
      requirePermission(access, 'manageMeetings', 'create meetings')
      const input = await parseBody(c, newMeetingSchema)
      const { coalitionId } = access.membership
      const meeting = await caps.newMeeting(access.person.id, coalitionId, () =>
        meetings.createMeeting({
          ...input,
          id: newId(),
          coalitionId,
          status: 'draft',
          attendance: [],
          createdAt: new Date().toISOString(),
        }),
      )
      return c.json({ meeting }, 201, { Location: `/api/meetings/${meeting.id}` })
    })
}

/** `/api/meetings/:id`: one meeting, its attendance, its minutes and their structure. */
export function meetingRoutes(
  deps: MeetingRoutesDependencies & { projection: ProjectionStore; renderMinutes: RenderMinutes },
) {
  const { meetings, coalitions, documents, projection, renderMinutes } = deps
  return new Hono<AppEnv>()
    .get('/:id', async (c) => c.json({ meeting: (await meetingAccess(c, deps)).meeting }))
    .patch('/:id', async (c) => {
      const access = await meetingAccess(c, deps)
      requirePermission(access, 'manageMeetings', 'change meetings')
      refuseIfApproved(access.meeting)
      const patch = await parseBody(c, meetingPatchSchema)
      return c.json({ meeting: await meetings.updateMeeting(access.meeting.id, patch) })
    })
    .put('/:id/attendance', async (c) => {
      const access = await meetingAccess(c, deps)
      requirePermission(access, 'manageMeetings', 'record attendance')
      refuseIfApproved(access.meeting)
      const { organisationIds } = await parseBody(c, attendanceSchema)
      const known = new Set(
        (await coalitions.listOrganisations(access.meeting.coalitionId)).map((o) => o.id),
      )
      const unknown = organisationIds.filter((id) => !known.has(id))
      if (unknown.length > 0) {
        throw new ApiError(
          400,
          'invalid_request',
          `organisationIds: not organisations of this coalition: ${unknown.join(', ')}`,
        )
      }
      return c.json({ meeting: await meetings.setAttendance(access.meeting.id, organisationIds) })
    })
    .get('/:id/minutes', async (c) => {
      // Read from storage, not from a loaded room: this is exactly what survives a restart. On
      // a worker: reading long minutes would hold the event loop (render-minutes.ts).
      const { meeting } = await meetingAccess(c, deps)
      const updates = await documents.load(meeting.id)
      const json = await renderMinutes({ format: 'json', updates })
      // JSON is text: the worker answers this format with a string.
      return c.body(String(json), 200, { 'Content-Type': 'application/json' })
    })
    .get('/:id/structure', async (c) => {
      // As last projected: within about a second of the document while it is being edited.
      const { meeting } = await meetingAccess(c, deps)
      return c.json(await projection.getStructure(meeting.id))
    })
}
