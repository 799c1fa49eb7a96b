import { setImmediate } from 'node:timers/promises'
import { newMeetingSchema, type Meeting } from '@accord/minutes'
import type { DocumentStore } from '@accord/sync'
import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { newId } from '../accounts/tokens.ts'
import { coalitionAccess, requirePermission } from '../coalitions/access.ts'
import type { Caps } from '../coalitions/caps.ts'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import type { Audit } from '../operations/audit.ts'
import { attendanceContext } from './attendance.ts'
import { ImportLimits } from './import-limits.ts'
import { readImportForm, type ImportForm } from './import-form.ts'
import { baseName, prepareMinutes, type MinutesSource } from './minutes-source.ts'
import type { ImportInput, ImportOutcome } from './read-import.ts'

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
  /** Imports running at once on the server (MAX_IMPORTS_AT_ONCE); one per person besides. */
  maxImportsAtOnce: number
  /** Runs readImport off the server's thread: in the worker pool. */
  readImport: (input: ImportInput) => Promise<ImportOutcome>
  /**
   * Stores the meeting's structure from its stored document now, so the tracker lists its
   * actions before anyone opens it; off the server's thread, without loading a room.
   */
  projectStored: (meetingId: string) => Promise<void>
  audit: Audit
  /** An imported meeting counts against the caps on meetings (coalitions/caps.ts). */
  caps: Pick<Caps, 'newMeeting'>
}

/**
 * `POST /api/coalitions/:cid/meetings/import`: a new meeting holding existing minutes. On this
 * thread only what does not grow with the minutes is done: a .docx is converted in a process of
 * its own, and everything else that reads the minutes runs in the worker pool.
 */
export function meetingImportRoutes(deps: MeetingImportDependencies) {
  const { coalitions, maxImportBytes, audit } = deps
  const limits = new ImportLimits(deps.maxImportsAtOnce)
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
    const personId = access.person.id
    const coalitionId = access.membership.coalitionId
    let file: string | undefined
    try {
      // Before the upload is read: a refused import costs the server nothing more.
      const release = limits.admit(personId)
      try {
        const form = await readImportForm(c)
        file = form.source.kind === 'file' ? form.source.name : undefined
        const meeting = await deps.caps.newMeeting(personId, coalitionId, () =>
          importMeeting(deps, form, coalitionId),
        )
        return c.json({ meeting }, 201, { Location: `/api/meetings/${meeting.id}` })
      } finally {
        release()
      }
    } catch (error) {
      if (error instanceof ApiError) {
        const detail = error.cause instanceof Error ? error.cause.message : undefined
        const { status, code } = error
        audit('import_refused', { personId, coalitionId, status, code, file, detail })
      }
      throw error
    }
  })
}

async function importMeeting(
  { meetings, coalitions, documents, readImport, projectStored }: MeetingImportDependencies,
  form: ImportForm,
  coalitionId: string,
): Promise<Meeting> {
  // Everything that can fail on the input fails here, before anything is stored.
  const input: ImportInput = {
    minutes: await prepareMinutes(form.source),
    attendance: await attendanceContext(coalitions, coalitionId),
  }
  const outcome = await readImport(input).catch((error: unknown) => {
    throw tooMuchToRead(form.source, error)
  })
  if (!outcome.ok) throw new ApiError(400, outcome.code, outcome.message)
  const title = form.title ?? defaultTitle(outcome.heading, form.source)

  const id = newId()
  // The document first: should creating the meeting fail, what is left is a document no
  // meeting points at, which nobody can see, rather than a meeting with its minutes missing.
  await documents.append([{ docName: id, update: outcome.update }])
  // Storing 5 MB takes SQLite tens of ms on this thread, and each step below as many: each
  // gets a turn of the event loop of its own rather than adding up to one long block.
  await setImmediate()
  const meeting = await meetings.createMeeting({
    id,
    coalitionId,
    status: 'draft',
    title,
    date: form.date,
    // The organisations the minutes record as present, ticked as the chair would.
    attendance: outcome.attendance,
    createdAt: new Date().toISOString(),
  })
  await setImmediate()
  // The meeting exists whatever happens here: a projection that fails is logged and done
  // again when someone opens the minutes.
  await projectStored(meeting.id).catch(() => undefined)
  return meeting
}

const mebibytes = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10

/** The worker reading the minutes crashed or ran out of time: its limits, not a bug of theirs. */
function tooMuchToRead(source: MinutesSource, cause: unknown): ApiError {
  const what = source.kind === 'file' ? `"${source.name}" needs` : 'The pasted minutes need'
  return new ApiError(
    400,
    'file_too_complex',
    `${what} more time or memory to read than Accord gives one import. Nothing was imported: split the minutes into smaller parts, or paste their text.`,
    { cause },
  )
}

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
