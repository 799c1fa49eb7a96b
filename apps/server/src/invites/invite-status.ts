import { mayInvite, type Invite, type InviteStatus } from '@accord/coalition'
import type { MembershipRecord } from '../coalitions/coalition-store.ts'
import type { InviteRecord } from './invite-store.ts'

/**
 * Where a link stands. Revoked, used up and expired come from the link itself; `lapsed` from
 * its maker, whose membership is read afresh each time: a link works only while its maker
 * could still make it (as calendar links do), so someone removed or demoted cannot come back,
 * or let others in, through links they made before.
 */
export function inviteStatus(
  invite: InviteRecord,
  maker: Pick<MembershipRecord, 'role'> | undefined,
  now = Date.now(),
): InviteStatus {
  if (invite.revokedAt) return 'revoked'
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return 'used'
  if (Date.parse(invite.expiresAt) <= now) return 'expired'
  if (!maker || !mayInvite(maker.role, invite.role)) return 'lapsed'
  return 'active'
}

/** An invite as the settings list shows it: never its token, which only the creation answer holds. */
export function toInvite(
  record: InviteRecord,
  maker: { name: string; membership: Pick<MembershipRecord, 'role'> | undefined },
): Invite {
  const { id, organisationId, role, maxUses, uses, expiresAt, createdAt, createdBy } = record
  return {
    id,
    organisationId,
    role,
    maxUses,
    uses,
    expiresAt,
    createdAt,
    createdBy,
    createdByName: maker.name,
    status: inviteStatus(record, maker.membership),
  }
}

/** What the holder of a link that no longer works is told, by its status. */
export const UNUSABLE: Record<Exclude<InviteStatus, 'active'>, [code: string, message: string]> = {
  expired: [
    'invite_expired',
    'This invite link has expired: ask the chair or secretariat for a new one.',
  ],
  revoked: [
    'invite_revoked',
    'This invite link was withdrawn: ask the chair or secretariat for a new one.',
  ],
  used: [
    'invite_used_up',
    'This invite link has been used: ask the chair or secretariat for a new one.',
  ],
  lapsed: [
    'invite_lapsed',
    'This invite link no longer works: the person who made it can no longer invite people. Ask the chair or secretariat for a new one.',
  ],
}
