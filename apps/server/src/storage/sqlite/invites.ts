import type Database from 'better-sqlite3'
import type { Role } from '@accord/coalition'
import type { InviteRecord, InviteStore, Redemption } from '../../invites/invite-store.ts'

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

export class SqliteInviteStore implements InviteStore {
  private readonly statements

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insert: db.prepare<
        [string, string, string, string, Role, number | null, string, string, string]
      >(
        `INSERT INTO invites (id, token_hash, coalition_id, organisation_id, role, max_uses,
           expires_at, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      list: db.prepare<[string], InviteRow>(
        `SELECT ${columns} FROM invites WHERE coalition_id = ? ORDER BY created_at DESC`,
      ),
      byTokenHash: db.prepare<[string], InviteRow>(
        `SELECT ${columns} FROM invites WHERE token_hash = ?`,
      ),
      revoke: db.prepare<[string, string, string]>(
        'UPDATE invites SET revoked_at = coalesce(revoked_at, ?) WHERE coalition_id = ? AND id = ?',
      ),
      // The use is counted only while one is left: two people racing for a single-use link
      // cannot both get in.
      countUse: db.prepare<[string, string]>(
        `UPDATE invites SET uses = uses + 1
         WHERE id = ? AND revoked_at IS NULL AND expires_at > ? AND (max_uses IS NULL OR uses < max_uses)`,
      ),
      isMember: db.prepare<[string, string], { found: number }>(
        'SELECT 1 AS found FROM memberships WHERE person_id = ? AND coalition_id = ?',
      ),
      addMember: db.prepare<[string, string, string, Role, string]>(
        `INSERT INTO memberships (person_id, coalition_id, organisation_id, role, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
    }
  }

  createInvite(invite: InviteRecord): Promise<void> {
    this.statements.insert.run(
      invite.id,
      invite.tokenHash,
      invite.coalitionId,
      invite.organisationId,
      invite.role,
      invite.maxUses,
      invite.expiresAt,
      invite.createdBy,
      invite.createdAt,
    )
    return Promise.resolve()
  }

  listInvites(coalitionId: string): Promise<InviteRecord[]> {
    return Promise.resolve(this.statements.list.all(coalitionId).map(toInvite))
  }

  findInviteByTokenHash(tokenHash: string): Promise<InviteRecord | undefined> {
    const row = this.statements.byTokenHash.get(tokenHash)
    return Promise.resolve(row && toInvite(row))
  }

  revokeInvite(coalitionId: string, id: string, at: string): Promise<boolean> {
    return Promise.resolve(this.statements.revoke.run(at, coalitionId, id).changes > 0)
  }

  redeemInvite(invite: InviteRecord, personId: string, at: string): Promise<Redemption> {
    return Promise.resolve(
      this.db.transaction((): Redemption => {
        if (this.statements.isMember.get(personId, invite.coalitionId)) return 'already_member'
        if (this.statements.countUse.run(invite.id, at).changes === 0) return 'unusable'
        this.statements.addMember.run(
          personId,
          invite.coalitionId,
          invite.organisationId,
          invite.role,
          at,
        )
        return 'joined'
      })(),
    )
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
