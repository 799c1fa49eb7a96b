import type { Role } from '@accord/coalition'

export interface InviteRecord {
  id: string
  tokenHash: string
  coalitionId: string
  organisationId: string
  role: Role
  maxUses: number | null
  uses: number
  expiresAt: string
  revokedAt: string | null
  createdBy: string
  createdAt: string
}

/** `unusable`: revoked, expired or used up by the time the redemption ran (the caller's copy may be older). */
export type Redemption = 'joined' | 'already_member' | 'unusable'

export interface InviteStore {
  createInvite(invite: InviteRecord): Promise<void>
  listInvites(coalitionId: string): Promise<InviteRecord[]>
  findInviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined>
  /** False when the coalition has no such invite. */
  revokeInvite(coalitionId: string, id: string, at: string): Promise<boolean>
  /** Counts a use and adds the membership in one transaction, so a single-use link works once. */
  redeemInvite(invite: InviteRecord, personId: string, at: string): Promise<Redemption>
}
