import { Hono, type Context } from 'hono'
import { upgradeWebSocket } from '@hono/node-server'
import { can, type Role } from '@accord/coalition'
import { meetingIdSchema } from '@accord/minutes'
import {
  CloseCode,
  isContentFrame,
  type ConnectionContentCheck,
  type ConnectionHandle,
  type ConnectionOptions,
  type RoomServer,
} from '@accord/sync'
import type { Logger } from 'pino'
import type { WebSocket } from 'ws'
import { askValueCheck } from '../asks/ask-value-check.ts'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import type { AppEnv } from '../http/app-env.ts'
import { originAllowed } from '../http/origin.ts'
import type { RateLimits } from '../http/rate-limits.ts'
import type { MeetingStore } from '../meetings/meeting-store.ts'
import { followStatus } from '../meetings/read-only.ts'
import { auditLog } from '../operations/audit.ts'
import type { AccessCheck, LiveConnection, LiveConnections } from './live-connections.ts'
import { EditBudgets } from './edit-budget.ts'
import { holdReading, websocketTransport } from './websocket-transport.ts'

export interface SyncRoutesDependencies {
  meetings: MeetingStore
  coalitions: CoalitionStore
  rooms: RoomServer
  live: LiveConnections
  accessCheck: AccessCheck
  limits: RateLimits
  addressOf: (c: Context) => string
  allowedOrigins: readonly string[] | undefined
  maxBufferedBytes: number
  /** Bytes of edits one person may send per minute (EditBudgets). */
  editBytesPerMinute: number
  logger: Logger
}

type Admission =
  | { refused: { code: number; reason: string } }
  | { options: ConnectionOptions; live: Omit<LiveConnection, 'close'> }

/** `/sync/:meetingId`: the y-websocket endpoint of one meeting's minutes. */
export function syncRoutes(deps: SyncRoutesDependencies) {
  const { rooms, live, accessCheck, limits, addressOf, allowedOrigins, logger } = deps
  const budgets = new EditBudgets(deps.editBytesPerMinute)
  return new Hono<AppEnv>().get(
    '/:meetingId',
    // Refused before the upgrade, as plain HTTP: a page on another site (cross-site websocket
    // hijacking) and anyone opening connections faster than a person could.
    async (c, next) => {
      if (!originAllowed(c.req.header('origin'), c.req.header('host'), allowedOrigins)) {
        logger.warn({ origin: c.req.header('origin') }, 'refused a websocket from a foreign origin')
        return c.body(null, 403)
      }
      const wait = await limits.connectionsPerAddress.consumeOrWait(addressOf(c))
      if (wait > 0) return c.body(null, 429, { 'Retry-After': String(wait) })
      await next()
    },
    upgradeWebSocket(async (c) => {
      const meetingId = c.req.param('meetingId') ?? ''
      const admission = await admit(c as Context<AppEnv>, meetingId, deps)
      let handle: ConnectionHandle | undefined
      let forget: (() => void) | undefined
      return {
        onOpen(_event, ws) {
          // Browsers cannot read an HTTP status from a refused upgrade, so refusals are close codes.
          if ('refused' in admission) {
            return ws.close(admission.refused.code, admission.refused.reason)
          }
          const socket = ws.raw as WebSocket
          const entry: LiveConnection = {
            ...admission.live,
            close: (code, reason) => socket.close(code, reason),
          }
          forget = live.add(entry)
          // A sign-out or removal between admission and now found nothing to close: look again.
          live.check(accessCheck, [entry]).catch((error: unknown) => {
            logger.error({ err: error }, 'checking a new connection failed')
          })
          handle = rooms.connect(
            meetingId,
            websocketTransport(socket, { maxBufferedBytes: deps.maxBufferedBytes, logger }),
            admission.options,
          )
        },
        onMessage(event, ws) {
          // Once the server has closed a socket (access withdrawn, bad input) the peer can keep
          // sending until it answers the close or the close times out: none of that counts.
          const socket = ws.raw as WebSocket
          if (socket.readyState !== socket.OPEN) return
          if (typeof event.data === 'string') {
            return ws.close(CloseCode.UnsupportedData, 'binary frames only')
          }
          const frame = new Uint8Array(event.data as ArrayBuffer)
          if ('live' in admission && isContentFrame(frame)) {
            const waitMs = budgets.charge(admission.live.personId, frame.byteLength)
            if (waitMs > 0) setTimeout(holdReading(socket), waitMs).unref()
          }
          handle?.receive(frame)
        },
        onClose() {
          forget?.()
          handle?.closed()
        },
      }
    }),
  )
}

/** Who may open this meeting's minutes, and how: the session, then membership of its coalition. */
async function admit(
  c: Context<AppEnv>,
  meetingId: string,
  { meetings, coalitions, rooms, logger }: SyncRoutesDependencies,
): Promise<Admission> {
  const person = c.get('person')
  const sessionHash = c.get('sessionHash')
  if (!person || !sessionHash) {
    return { refused: { code: CloseCode.Unauthenticated, reason: 'sign in first' } }
  }
  // Approved minutes take no edits from anyone, whatever their role: the room refuses them.
  // The meeting is read under its status lock, so an approval under way is not undone by a
  // status read before it; after a restart, this is what makes the room read-only again.
  const meeting = meetingIdSchema.safeParse(meetingId).success
    ? await followStatus(meetings, rooms, meetingId)
    : undefined
  const membership = meeting && (await coalitions.findMembership(person.id, meeting.coalitionId))
  if (!meeting || !membership) {
    return { refused: { code: CloseCode.MeetingNotFound, reason: 'no such meeting' } }
  }
  const organisations = await coalitions.listOrganisations(membership.coalitionId)
  const organisation = organisations.find((o) => o.id === membership.organisationId)
  return {
    options: {
      readOnly: !can(membership.role, 'editMinutes'),
      checkContent: askCheck(membership, meeting.id, logger),
      presence: {
        name: person.name,
        organisation: organisation?.shortName ?? '',
        role: membership.role,
      },
    },
    live: {
      meetingId: meeting.id,
      sessionHash,
      personId: person.id,
      coalitionId: membership.coalitionId,
      role: membership.role,
    },
  }
}

/**
 * Over the websocket as over HTTP, a member backs asks only for their own organisation and
 * leaves their status to a chair or the secretariat (see ask-value-check.ts). A refusal is
 * audited: Accord's editor keeps a member's own edits within these rules, so one refused is
 * most likely someone writing the minutes by hand.
 */
function askCheck(
  membership: { personId: string; coalitionId: string; organisationId: string; role: Role },
  meetingId: string,
  logger: Logger,
): ConnectionContentCheck | undefined {
  const check = askValueCheck({
    mayMoveAsks: can(membership.role, 'manageMeetings'),
    organisationId: membership.organisationId,
  })
  if (!check) return undefined
  const { personId, coalitionId } = membership
  return (update, doc) => {
    const refused = check(update, doc)
    if (refused)
      auditLog(logger)('ask_change_refused', { personId, coalitionId, meetingId, reason: refused })
    return refused
  }
}
