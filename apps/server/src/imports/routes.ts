import { newMeetingSchema } from '@accord/minutes'
import { minutesToUpdate } from '@accord/minutes/import'
import type { DocumentStore } from '@accord/sync'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { newId } from '../accounts/tokens.ts'
import { coalitionAccess, requirePermission } from '../coalitions/access.ts'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import { attendanceOf } from './attendance.ts'
import { readImportForm } from './import-form.ts'
import { baseName, readMinutesSource, type MinutesSource } from './minutes-source.ts'

/**
 * Where the import route is mounted. Its uploads are larger than any other request, so app.ts
 * skips the global MAX_REQUEST_BYTES limit for exactly this path and the route applies
 * MAX_IMPORT_BYTES itself.
 */
export const MEETING_IMPORT_PATH = '/api/coalitions/:cid/meetings/import'

export interface MeetingImportDependencies {
  meetings: MeetingStore
  coalitions: CoalitionStore
  documents: DocumentStore
  maxImportBytes: number
  /** Stores the meeting's structure now, so the tracker lists its actions before anyone opens it. */
  projectNow: (meetingId: string) => Promise<void>
}

/** `POST /api/coalitions/:cid/meetings/import`: a new meeting holding existing minutes. */
export function meetingImportRoutes({
  meetings,
  coalitions,
  documents,
  maxImportBytes,
  projectNow,
}: MeetingImportDependencies) {
  const importLimit = bodyLimit({
    maxSize: maxImportBytes,
    onError: () => {
      throw new ApiError(
        413,
        'too_large',
        `Imported files are limited to ${mebibytes(maxImportBytes)} MiB (${maxImportBytes} bytes).`,
      )
    },
  })
  return new Hono<AppEnv>().post('/', importLimit, async (c) => {
    const access = await coalitionAccess(c, coalitions, c.req.param('cid') ?? '')
    requirePermission(access, 'manageMeetings', 'import minutes')
    const form = await readImportForm(c)
    // Everything that can fail on the input fails here, before anything is stored.
    const { minutes, heading } = await readMinutesSource(form.source)
    const title = form.title ?? defaultTitle(heading, form.source)
    const update = minutesToUpdate(minutes)
    const coalitionId = access.membership.coalitionId
    const attendance = await attendanceOf(coalitions, coalitionId, minutes)

    const id = newId()
    // The document first: should creating the meeting fail, what is left is a document no
    // meeting points at, which nobody can see, rather than a meeting with its minutes missing.
    await documents.append([{ docName: id, update }])
    const meeting = await meetings.createMeeting({
      id,
      coalitionId,
      status: 'draft',
      title,
      date: form.date,
      // The organisations the minutes record as present, ticked as the chair would.
      attendance,
      createdAt: new Date().toISOString(),
    })
    // The meeting exists whatever happens here: a projection that fails is logged and done
    // again when someone opens the minutes.
    await projectNow(meeting.id).catch(() => undefined)
    return c.json({ meeting }, 201, { Location: `/api/meetings/${meeting.id}` })
  })
}

const mebibytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

const MAX_TITLE = 200

/** The minutes' first heading, else the file's name; pasted text without a heading has none. */
function defaultTitle(heading: string | undefined, source: MinutesSource): string {
  const title = heading ?? (source.kind === 'file' ? baseName(source.name).trim() : '')
  const parsed = newMeetingSchema.shape.title.safeParse(title.slice(0, MAX_TITLE))
  if (!parsed.success) {
    throw new ApiError(
      400,
      'invalid_request',
      'title: give a title, or start the minutes with a heading to take it from.',
    )
  }
  return parsed.data
}
