import { Hono } from 'hono'
import type { Meeting } from '@accord/minutes'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { meetingAccess } from '../meetings/routes.ts'
import { storedProposals } from './action-proposals.ts'
import type { ExportRoutesDependencies } from './dependencies.ts'
import { requestedFormat, sendFile } from './download.ts'
import type { RenderRequest } from './render-minutes.ts'

const MINUTES_FORMATS = ['md', 'docx', 'html'] as const

type FileRequest = Extract<RenderRequest, { format: (typeof MINUTES_FORMATS)[number] }>

/**
 * The HTML page shows minutes anyone in the coalition typed, served from Accord's own origin:
 * nothing in it may run or load, whatever the exporter's escaping lets through.
 */
const HTML_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
}

/** Mounted at /api/meetings: a meeting's minutes as files, live or as approved. */
export function meetingExportRoutes({ storage, rooms, renderMinutes }: ExportRoutesDependencies) {
  const { meetings, coalitions } = storage

  /** The approved minutes of that version, and its number among the approvals. */
  const approvedVersion = async (meeting: Meeting, versionId: string) => {
    const approvals = (await meetings.listVersions(meeting.id)).filter(
      (version) => version.kind === 'approved',
    )
    const index = approvals.findIndex((version) => version.id === versionId)
    const snapshot = index >= 0 ? await meetings.getSnapshot(meeting.id, versionId) : undefined
    if (!snapshot) {
      throw new ApiError(
        404,
        'not_found',
        `There is no approved version "${versionId}" of these minutes.`,
      )
    }
    return { snapshot, label: String(index + 1) }
  }

  /**
   * What the exporters read, for a worker to read the minutes from and write out
   * (render-minutes.ts): the stored document, the names its ids stand for, and the owners and
   * dates the stored structure (the tracker's) read from actions whose nodes leave them open.
   */
  const renderRequest = async (
    meeting: Meeting,
    format: (typeof MINUTES_FORMATS)[number],
    versionId: string | undefined,
  ): Promise<FileRequest> => {
    const [coalition, organisations, members, version, updates, structure] = await Promise.all([
      coalitions.getCoalition(meeting.coalitionId),
      coalitions.listOrganisations(meeting.coalitionId),
      coalitions.listMembers(meeting.coalitionId),
      versionId === undefined ? undefined : approvedVersion(meeting, versionId),
      // The live document once everything received for it is stored, as a new editor would.
      rooms.read(meeting.id, () => undefined).then(() => storage.load(meeting.id)),
      storage.projection.getStructure(meeting.id),
    ])
    return {
      format,
      updates,
      version,
      input: {
        coalition: coalition?.name ?? '',
        meeting: {
          title: meeting.title,
          date: meeting.date,
          // A version is the minutes as approved, whatever has happened to the meeting since.
          status: version ? 'approved' : meeting.status,
        },
        organisations: organisations.map(({ id, name, shortName }) => ({ id, name, shortName })),
        people: members.map(({ personId, name }) => ({ id: personId, name })),
      },
      proposals: storedProposals(structure.actions),
    }
  }

  return new Hono<AppEnv>().get('/:id/:file{export\\.[^/]+}', async (c) => {
    const { meeting } = await meetingAccess(c, { meetings, coalitions })
    const format = requestedFormat(c.req.param('file'), 'export', MINUTES_FORMATS)
    const request = await renderRequest(meeting, format, c.req.query('version'))
    const label = request.version?.label
    const name = `${meeting.title} ${meeting.date}${label ? ` v${label}` : ''}`
    const content = await renderMinutes(request)
    if (format === 'html') {
      return sendFile(c, { name, format, content, disposition: 'inline', headers: HTML_HEADERS })
    }
    return sendFile(c, { name, format, content })
  })
}
