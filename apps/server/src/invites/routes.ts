import { Hono, type Context } from 'hono'
import { inviteTokenSchema, mayInvite, newInviteSchema } from '@accord/coalition'
import type { AccountStore } from '../accounts/account-store.ts'
import { requirePerson } from '../accounts/require-person.ts'
import { hashToken, newId, newToken } from '../accounts/tokens.ts'
import { coalitionAccess, requirePermission } from '../coalitions/access.ts'
import type { CoalitionStore } from '../coalitions/coalition-store.ts'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import { parseBody } from '../http/parse-body.ts'
import type { RateLimits } from '../http/rate-limits.ts'
import type { InviteRecord, InviteStore } from './invite-store.ts'
import { inviteStatus, toInvite, UNUSABLE } from './invite-status.ts'

export interface InviteRoutesDependencies {
  /** For the names of makers who have left the coalition. */
  accounts: Pick<AccountStore, 'getPerson'>
  coalitions: CoalitionStore
  invites: InviteStore
  limits: RateLimits
  addressOf: (c: Context) => string
}

const DAY_MS = 24 * 60 * 60 * 1000

/** `/api/coalitions/:cid/invites`: the links a chair or secretariat sends out. */
export function coalitionInviteRoutes({ accounts, coalitions, invites }: InviteRoutesDependencies) {
  const managerAccess = async (c: Context<AppEnv>) => {
    const access = await coalitionAccess(c, coalitions, c.req.param('cid') ?? '')
    requirePermission(access, 'manageMembers', 'manage invites')
    return access
  }

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { membership } = await managerAccess(c)
      const [records, members] = await Promise.all([
        invites.listInvites(membership.coalitionId),
        coalitions.listMembers(membership.coalitionId),
      ])
      const formerMakers = new Map<string, string>()
      for (const id of new Set(records.map((record) => record.createdBy))) {
        if (members.some((member) => member.personId === id)) continue
        formerMakers.set(id, (await accounts.getPerson(id))?.name ?? '')
      }
      const makerOf = (record: InviteRecord) => {
        const member = members.find((m) => m.personId === record.createdBy)
        return member
          ? { name: member.name, membership: member }
          : { name: formerMakers.get(record.createdBy) ?? '', membership: undefined }
      }
      return c.json({ invites: records.map((record) => toInvite(record, makerOf(record))) })
    })
    .post('/', async (c) => {
      const access = await managerAccess(c)
      const { coalitionId } = access.membership
      const input = await parseBody(c, newInviteSchema)
      if (!mayInvite(access.membership.role, input.role)) {
        requirePermission(access, 'manageChairs', 'invite a chair')
      }
      const organisations = await coalitions.listOrganisations(coalitionId)
      if (!organisations.some((o) => o.id === input.organisationId)) {
        throw new ApiError(
          400,
          'invalid_request',
          'organisationId: not an organisation of this coalition',
        )
      }
      const token = newToken()
      const now = Date.now()
      const record: InviteRecord = {
        id: newId(),
        tokenHash: hashToken(token),
        coalitionId,
        organisationId: input.organisationId,
        role: input.role,
        maxUses: input.maxUses,
        uses: 0,
        expiresAt: new Date(now + input.expiresInDays * DAY_MS).toISOString(),
        revokedAt: null,
        createdBy: access.person.id,
        createdAt: new Date(now).toISOString(),
      }
      await invites.createInvite(record)
      const maker = { name: access.person.name, membership: access.membership }
      return c.json({ invite: toInvite(record, maker), path: `/invite/${token}` }, 201)
    })
    .delete('/:iid', async (c) => {
      const { membership } = await managerAccess(c)
      const revoked = await invites.revokeInvite(
        membership.coalitionId,
        c.req.param('iid'),
        new Date().toISOString(),
      )
      if (!revoked) throw new ApiError(404, 'not_found', 'There is no such invite.')
      return c.body(null, 204)
    })
}

/** `/api/invites/:token`: what someone holding a link sees, and joining with it. */
export function publicInviteRoutes({
  coalitions,
  invites,
  limits,
  addressOf,
}: InviteRoutesDependencies) {
  const usableInvite = async (c: Context<AppEnv>) => {
    await limits.invitesPerAddress.consume(addressOf(c))
    const token = c.req.param('token') ?? ''
    const invite = inviteTokenSchema.safeParse(token).success
      ? await invites.findInviteByTokenHash(hashToken(token))
      : undefined
    if (!invite) {
      throw new ApiError(
        404,
        'invite_not_found',
        'This invite link is not valid: check it was copied whole.',
      )
    }
    const maker = await coalitions.findMembership(invite.createdBy, invite.coalitionId)
    const status = inviteStatus(invite, maker)
    if (status !== 'active') throw new ApiError(410, ...UNUSABLE[status])
    return invite
  }

  return new Hono<AppEnv>()
    .get('/:token', async (c) => {
      const invite = await usableInvite(c)
      const [coalition, organisations] = await Promise.all([
        coalitions.getCoalition(invite.coalitionId),
        coalitions.listOrganisations(invite.coalitionId),
      ])
      const organisation = organisations.find((o) => o.id === invite.organisationId)
      return c.json({
        invite: {
          coalitionId: invite.coalitionId,
          coalitionName: coalition?.name ?? '',
          organisationName: organisation?.name ?? '',
          role: invite.role,
          expiresAt: invite.expiresAt,
        },
      })
    })
    .post('/:token/accept', async (c) => {
      const person = requirePerson(c)
      const invite = await usableInvite(c)
      const result = await invites.redeemInvite(invite, person.id, new Date().toISOString())
      if (result === 'already_member') {
        throw new ApiError(409, 'already_member', 'You are already a member of this coalition.')
      }
      if (result === 'unusable') {
        // Revoked, expired or used up since it was read above: say which, as it is now.
        const now = await invites.findInviteByTokenHash(invite.tokenHash)
        const maker = await coalitions.findMembership(invite.createdBy, invite.coalitionId)
        const status = now ? inviteStatus(now, maker) : 'revoked'
        throw new ApiError(410, ...UNUSABLE[status === 'active' ? 'used' : status])
      }
      const memberships = await coalitions.membershipsOf(person.id)
      return c.json({ membership: memberships.find((m) => m.coalition.id === invite.coalitionId) })
    })
}
