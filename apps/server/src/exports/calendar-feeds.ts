/**
 * Secret calendar links: a calendar app subscribes to one organisation's due dates with a URL
 * holding a token, since it has no session to send. Only the token's hash is stored (as for
 * sessions and invites), so the URL is shown once, when it is made; a lost or leaked one is
 * revoked and made again. A feed works while the person who made it could still make it.
 */
import { Hono, type Context } from 'hono'
import { can } from '@accord/coalition'
import { commitmentsIcs, commitmentsOf } from '@accord/exports'
import { hashToken, newId, newToken } from '../accounts/tokens.ts'
import { coalitionAccess, type Access } from '../coalitions/access.ts'
import type { MembershipRecord } from '../coalitions/coalition-store.ts'
import type { CalendarFeed } from '../calendar/calendar-feed-store.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { readLedger } from '../ledger/read-ledger.ts'
import { linkOrigin, today, type ExportRoutesDependencies } from './dependencies.ts'
import { MEDIA_TYPES } from './download.ts'
import { organisationNotFound } from './organisation.ts'

/** Its own people, and whoever manages the coalition's organisations and members. */
function mayManageFeeds(membership: MembershipRecord, organisationId: string): boolean {
  return membership.organisationId === organisationId || can(membership.role, 'manageMembers')
}

/** What the API shows of a feed: never its token, which only the creation answer holds. */
function feedJson({ id, organisationId, createdAt, createdBy, revokedAt }: CalendarFeed) {
  return { id, organisationId, createdAt, createdBy, revokedAt }
}

/**
 * Mounted at /api/coalitions/:cid/organisations/:oid/calendar-feeds: make, list and revoke an
 * organisation's feeds.
 */
export function calendarFeedManagement({ storage, publicOrigins }: ExportRoutesDependencies) {
  const { coalitions, calendarFeeds } = storage

  /** The caller's access, once the organisation is found and theirs to manage. */
  const feedAccess = async (c: Context<AppEnv>): Promise<Access & { organisationId: string }> => {
    const access = await coalitionAccess(c, coalitions, c.req.param('cid') ?? '')
    const organisationId = c.req.param('oid') ?? ''
    const organisations = await coalitions.listOrganisations(access.membership.coalitionId)
    const organisation = organisations.find((candidate) => candidate.id === organisationId)
    if (!organisation) throw organisationNotFound(organisationId)
    if (!mayManageFeeds(access.membership, organisationId)) {
      throw new ApiError(
        403,
        'forbidden',
        `Only members of ${organisation.name}, the chair and the secretariat can manage its calendar links.`,
      )
    }
    return { ...access, organisationId }
  }

  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const { person, membership, organisationId } = await feedAccess(c)
      const token = newToken()
      const feed: CalendarFeed = {
        id: newId(),
        coalitionId: membership.coalitionId,
        organisationId,
        createdBy: person.id,
        createdAt: new Date().toISOString(),
        revokedAt: null,
      }
      await calendarFeeds.createFeed({ ...feed, tokenHash: hashToken(token) })
      const url = `${linkOrigin(c, publicOrigins)}/calendar/${token}.ics`
      // The one answer holding the secret: keep it out of every cache.
      return c.json({ feed: feedJson(feed), url }, 201, { 'Cache-Control': 'no-store' })
    })
    .get('/', async (c) => {
      const { membership, organisationId } = await feedAccess(c)
      const feeds = await calendarFeeds.listFeeds(membership.coalitionId, organisationId)
      return c.json({ feeds: feeds.map(feedJson) })
    })
    .delete('/:fid', async (c) => {
      const { membership, organisationId } = await feedAccess(c)
      const id = c.req.param('fid')
      const at = new Date().toISOString()
      if (!(await calendarFeeds.revokeFeed(membership.coalitionId, organisationId, id, at))) {
        throw new ApiError(404, 'not_found', `There is no live calendar link with id "${id}".`)
      }
      return c.body(null, 204)
    })
}

/** A token as newToken makes them: 32 bytes, base64url. */
const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/

/** Mounted at /calendar: the feed itself, answered to whoever holds the link. */
export function calendarFeedRoutes({ storage, publicOrigins }: ExportRoutesDependencies) {
  const noFeed = () =>
    new ApiError(404, 'not_found', 'There is no such calendar; the link may have been revoked.')

  /** The feed, if it is live and the person who made it could still make it. */
  const liveFeed = async (file: string) => {
    const token = FEED_FILE.exec(file)?.[1]
    const feed =
      token === undefined ? undefined : await storage.calendarFeeds.findFeed(hashToken(token))
    if (!feed || feed.revokedAt !== null) return undefined
    const maker = await storage.coalitions.findMembership(feed.createdBy, feed.coalitionId)
    return maker && mayManageFeeds(maker, feed.organisationId) ? feed : undefined
  }

  return new Hono<AppEnv>().get('/:file', async (c) => {
    const feed = await liveFeed(c.req.param('file'))
    if (!feed) throw noFeed()
    const ledger = await readLedger(storage, feed.coalitionId)
    // The organisation may have been removed since; its feed goes with it.
    if (!ledger.organisations.some((organisation) => organisation.id === feed.organisationId)) {
      throw noFeed()
    }
    const commitments = commitmentsOf(ledger, feed.organisationId, today())
    const body = commitmentsIcs(commitments, { origin: linkOrigin(c, publicOrigins) })
    return c.body(body, 200, {
      'Content-Type': MEDIA_TYPES.ics,
      // Calendar apps poll; five minutes of staleness spares the ledger a read per poll.
      'Cache-Control': 'private, max-age=300',
    })
  })
}
