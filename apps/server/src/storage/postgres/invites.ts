import type { Role } from '@accord/coalition'
import type { InviteRecord, InviteStore, Redemption } from '../../invites/invite-store.ts'
import { UniqueViolation } from '../errors.ts'
import type { Database } from './database.ts'

interface InviteRow {
  id: string
  token_hash: string
  coalition_id: string
  organisation_id: string
  role: Role
  max_uses: number | null
  uses: number
  expires_at: string
  revoked_at: string | null
  created_by: string
  created_at: string
}

const columns = `id, token_hash, coalition_id, organisation_id, role, max_uses, uses, expires_at,
  revoked_at, created_by, created_at`

export class PostgresInviteStore implements InviteStore {
  constructor(private readonly db: Database) {}

  async createInvite(invite: InviteRecord): Promise<void> {
    await this.db.run(
      `INSERT INTO invites (id, token_hash, coalition_id, organisation_id, role, max_uses,
         expires_at, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        invite.id,
        invite.tokenHash,
        invite.coalitionId,
        invite.organisationId,
        invite.role,
        invite.maxUses,
        invite.expiresAt,
        invite.createdBy,
        invite.createdAt,
      ],
    )
  }

  async listInvites(coalitionId: string): Promise<InviteRecord[]> {
    const rows = await this.db.rows<InviteRow>(
      `SELECT ${columns} FROM invites WHERE coalition_id = $1 ORDER BY created_at DESC`,
      [coalitionId],
    )
    return rows.map(toInvite)
  }

  async findInviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
    const row = await this.db.row<InviteRow>(
      `SELECT ${columns} FROM invites WHERE token_hash = $1`,
      [tokenHash],
    )
    return row && toInvite(row)
  }

  async revokeInvite(coalitionId: string, id: string, at: string): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE invites SET revoked_at = coalesce(revoked_at, $1)
       WHERE coalition_id = $2 AND id = $3`,
      [at, coalitionId, id],
    )
    return changed > 0
  }

  /**
   * The invite's row is locked first, so redemptions of one link take turns: the second sees
   * the use and the membership the first committed. Two different links racing for the same
   * person meet at the membership's primary key instead, and the loser counts no use.
   */
  async redeemInvite(invite: InviteRecord, personId: string, at: string): Promise<Redemption> {
    try {
      return await this.db.transaction(async (tx): Promise<Redemption> => {
        await tx.run('SELECT 1 FROM invites WHERE id = $1 FOR UPDATE', [invite.id])
        const member = await tx.row(
          'SELECT 1 FROM memberships WHERE person_id = $1 AND coalition_id = $2',
          [personId, invite.coalitionId],
        )
        if (member) return 'already_member'
        // Checked again here, not on the caller's copy: a revoke may have committed since.
        const counted = await tx.run(
          `UPDATE invites SET uses = uses + 1
           WHERE id = $1 AND revoked_at IS NULL AND expires_at > $2
             AND (max_uses IS NULL OR uses < max_uses)`,
          [invite.id, at],
        )
        if (counted === 0) return 'unusable'
        await tx.run(
          `INSERT INTO memberships (person_id, coalition_id, organisation_id, role, created_at)
           VALUES ($1, $2, $3, $4, $5)`,
          [personId, invite.coalitionId, invite.organisationId, invite.role, at],
        )
        return 'joined'
      })
    } catch (error) {
      if (error instanceof UniqueViolation && error.constraint === 'membership') {
        return 'already_member'
      }
      throw error
    }
  }
}

function toInvite(row: InviteRow): InviteRecord {
  return {
    id: row.id,
    tokenHash: row.token_hash,
    coalitionId: row.coalition_id,
    organisationId: row.organisation_id,
    role: row.role,
    maxUses: row.max_uses,
    uses: row.uses,
    expiresAt: row.expires_at,
    revokedAt: row.revoked_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  }
}
