import { Hono } from 'hono'
import { minutesDocx, minutesHtml, minutesMarkdown, type MinutesExportInput } from '@accord/exports'
import { readMinutes, type Meeting } from '@accord/minutes'
import * as Y from 'yjs'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { meetingAccess } from '../meetings/routes.ts'
import { storedProposals, versionProposals } from './action-proposals.ts'
import type { ExportRoutesDependencies } from './dependencies.ts'
import { requestedFormat, sendFile } from './download.ts'

const MINUTES_FORMATS = ['md', 'docx', 'html'] as const

/**
 * The HTML page shows minutes anyone in the coalition typed, served from Accord's own origin:
 * nothing in it may run or load, whatever the exporter's escaping lets through.
 */
const HTML_HEADERS = {
  'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
}

/** Mounted at /api/meetings: a meeting's minutes as files, live or as approved. */
export function meetingExportRoutes({ storage, rooms }: ExportRoutesDependencies) {
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
    return { minutes: snapshotMinutes(snapshot), label: String(index + 1) }
  }

  /**
   * What the exporters read: the minutes, the names their ids stand for, and the owners and
   * dates the stored structure (the tracker's) read from actions whose nodes leave them open.
   */
  const exportInput = async (
    meeting: Meeting,
    versionId: string | undefined,
  ): Promise<MinutesExportInput> => {
    const [coalition, organisations, members, version, live, structure] = await Promise.all([
      coalitions.getCoalition(meeting.coalitionId),
      coalitions.listOrganisations(meeting.coalitionId),
      coalitions.listMembers(meeting.coalitionId),
      versionId === undefined ? undefined : approvedVersion(meeting, versionId),
      // The live document once everything received for it is stored, as a new editor would.
      rooms.read(meeting.id, (doc) => readMinutes(doc).json),
      storage.projection.getStructure(meeting.id),
    ])
    const proposals = storedProposals(structure.actions)
    return {
      coalition: coalition?.name ?? '',
      meeting: {
        title: meeting.title,
        date: meeting.date,
        // A version is the minutes as approved, whatever has happened to the meeting since.
        status: version ? 'approved' : meeting.status,
      },
      minutes: version?.minutes ?? live,
      organisations: organisations.map(({ id, name, shortName }) => ({ id, name, shortName })),
      people: members.map(({ personId, name }) => ({ id: personId, name })),
      proposals: version ? versionProposals(proposals, version.minutes, live) : proposals,
      ...(version ? { version: { label: version.label } } : {}),
    }
  }

  return new Hono<AppEnv>().get('/:id/:file{export\\.[^/]+}', async (c) => {
    const { meeting } = await meetingAccess(c, { meetings, coalitions })
    const format = requestedFormat(c.req.param('file'), 'export', MINUTES_FORMATS)
    const input = await exportInput(meeting, c.req.query('version'))
    const name = `${meeting.title} ${meeting.date}${input.version ? ` v${input.version.label}` : ''}`
    switch (format) {
      case 'md':
        return sendFile(c, { name, format, content: minutesMarkdown(input) })
      case 'docx':
        return sendFile(c, { name, format, content: await minutesDocx(input) })
      case 'html':
        return sendFile(c, {
          name,
          format,
          content: minutesHtml(input),
          disposition: 'inline',
          headers: HTML_HEADERS,
        })
    }
  })
}

/** A stored snapshot read through a document of its own. */
function snapshotMinutes(snapshot: Uint8Array): MinutesExportInput['minutes'] {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, snapshot)
    return readMinutes(doc).json
  } finally {
    doc.destroy()
  }
}
