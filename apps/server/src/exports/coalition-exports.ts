import { Hono, type Context } from 'hono'
import {
  commitmentsOf,
  jointLetterDocx,
  jointLetterMarkdown,
  jointLetterOf,
  type JointLetterOptions,
} from '@accord/exports'
import type { Ledger } from '@accord/minutes/ledger'
import { coalitionAccess } from '../coalitions/access.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readLedger } from '../ledger/read-ledger.ts'
import { calendarFeedManagement } from './calendar-feeds.ts'
import {
  COMMITMENT_FORMATS,
  commitmentsFileName,
  type CommitmentFormat,
} from './commitment-files.ts'
import { linkOrigin, today, type ExportRoutesDependencies } from './dependencies.ts'
import { requestedFormat, sendFile } from './download.ts'
import { organisationNotFound } from './organisation.ts'

const COMMITMENTS = Object.keys(COMMITMENT_FORMATS) as CommitmentFormat[]
const LETTER_FORMATS = ['md', 'docx'] as const

/** Mounted at /api/coalitions/:cid: commitments, calendar feeds and the joint letter. */
export function coalitionExportRoutes(deps: ExportRoutesDependencies) {
  const { storage, publicOrigins } = deps

  /** The coalition's ledger, for any member; outsiders are told it does not exist. */
  const memberLedger = async (c: Context<AppEnv>) => {
    const { membership } = await coalitionAccess(c, storage.coalitions, c.req.param('cid') ?? '')
    return readLedger(storage, membership.coalitionId)
  }

  return new Hono<AppEnv>()
    .route('/organisations/:oid/calendar-feeds', calendarFeedManagement(deps))
    .get('/organisations/:oid/:file{commitments\\.[^/]+}', async (c) => {
      const ledger = await memberLedger(c)
      const format = requestedFormat(c.req.param('file'), 'commitments', COMMITMENTS)
      const organisationId = c.req.param('oid')
      if (!ledger.organisations.some((organisation) => organisation.id === organisationId)) {
        throw organisationNotFound(organisationId)
      }
      const commitments = commitmentsOf(ledger, organisationId, today())
      const origin = linkOrigin(c, publicOrigins)
      return sendFile(c, {
        name: commitmentsFileName(commitments),
        format,
        content: await COMMITMENT_FORMATS[format](commitments, { origin }),
      })
    })
    .get('/asks/:file{letter\\.[^/]+}', async (c) => {
      const ledger = await memberLedger(c)
      const format = requestedFormat(c.req.param('file'), 'letter', LETTER_FORMATS)
      const options = letterOptions(ledger, c.req.query('target'), c.req.query('keys'))
      const letter = jointLetter(ledger, options)
      const to = letter.targets.length === 1 ? ` to ${letter.targets[0]}` : ''
      return sendFile(c, {
        name: `${ledger.coalition.name} joint letter${to}`,
        format,
        content: format === 'md' ? jointLetterMarkdown(letter) : await jointLetterDocx(letter),
      })
    })
}

/**
 * Which asks go in the letter. Asks named by key must all exist (404); that is checked here, as
 * the exporter only throws a plain Error.
 */
function letterOptions(
  ledger: Ledger,
  target: string | undefined,
  keyList: string | undefined,
): JointLetterOptions {
  if (keyList === undefined) return { target: target?.trim() || undefined }
  const keys = keyList
    .split(',')
    .map((key) => key.trim())
    .filter((key) => key !== '')
  if (keys.length === 0) {
    throw new ApiError(400, 'invalid_request', 'keys: name at least one ask for the letter.')
  }
  const unknown = keys.filter((key) => !ledger.asks.some((ask) => ask.key === key))
  if (unknown.length > 0) {
    const named = unknown.map((key) => `"${key}"`).join(', ')
    throw new ApiError(404, 'not_found', `There is no ask with key ${named} in this coalition.`)
  }
  return { keys }
}

/**
 * The letter. With the keys checked, the exporter refuses only when choosing by status finds
 * no agreed or sent ask (of the target): which asks are ready is its rule, not repeated here.
 */
function jointLetter(ledger: Ledger, options: JointLetterOptions) {
  try {
    return jointLetterOf(ledger, options)
  } catch (error) {
    if (options.keys) throw error
    const of = options.target ? ` of "${options.target}"` : ''
    throw new ApiError(
      400,
      'no_asks',
      `There are no agreed or sent asks${of} for a joint letter; agree one first, or choose asks by key.`,
      { cause: error },
    )
  }
}
