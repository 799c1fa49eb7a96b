import type {
  Coalition,
  Member,
  Membership,
  NewOrganisation,
  Organisation,
  OrganisationPatch,
  Role,
} from '@accord/coalition'
import type { CoalitionStore, MembershipRecord } from '../../coalitions/coalition-store.ts'
import type { Database, Queries } from './database.ts'

interface OrganisationRow {
  id: string
  name: string
  short_name: string
  /** JSONB, parsed by the driver. */
  aliases: string[]
}

interface MemberRow {
  person_id: string
  name: string
  email: string
  organisation_id: string
  role: Role
  created_at: string
}

const organisationColumns = 'o.id, o.name, o.short_name, o.aliases'

/** Names sort by code point, as SQLite sorts them, whatever the database's collation. */
const byName = (column: string) => `lower(${column}) COLLATE "C"`

/** An invite someone could still use; `$2` is an ISO timestamp. */
const activeInvite = `revoked_at IS NULL AND expires_at > $2
  AND (max_uses IS NULL OR uses < max_uses)`

export class PostgresCoalitionStore implements CoalitionStore {
  constructor(private readonly db: Database) {}

  async createCoalition({
    coalition,
    organisation,
    chair,
    adoptOwnerlessMeetings = false,
  }: {
    coalition: Coalition
    organisation: Organisation
    chair: MembershipRecord
    adoptOwnerlessMeetings?: boolean
  }): Promise<void> {
    await this.db.transaction(async (tx) => {
      const at = chair.createdAt
      await tx.run('INSERT INTO coalitions (id, name, created_at) VALUES ($1, $2, $3)', [
        coalition.id,
        coalition.name,
        at,
      ])
      await insertOrganisation(tx, coalition.id, organisation, at)
      await insertMember(tx, chair)
      if (adoptOwnerlessMeetings) {
        await tx.run('UPDATE meetings SET coalition_id = $1 WHERE coalition_id IS NULL', [
          coalition.id,
        ])
      }
    })
  }

  getCoalition(id: string): Promise<Coalition | undefined> {
    return this.db.row<Coalition>('SELECT id, name FROM coalitions WHERE id = $1', [id])
  }

  async renameCoalition(id: string, name: string): Promise<void> {
    await this.db.run('UPDATE coalitions SET name = $1 WHERE id = $2', [name, id])
  }

  async membershipsOf(personId: string): Promise<Membership[]> {
    const rows = await this.db.rows<
      OrganisationRow & { coalition_id: string; coalition_name: string; role: Role }
    >(
      `SELECT c.id AS coalition_id, c.name AS coalition_name, m.role, ${organisationColumns}
       FROM memberships m
       JOIN coalitions c ON c.id = m.coalition_id
       JOIN organisations o ON o.id = m.organisation_id
       WHERE m.person_id = $1 ORDER BY c.name COLLATE "C"`,
      [personId],
    )
    return rows.map((row) => ({
      coalition: { id: row.coalition_id, name: row.coalition_name },
      organisation: toOrganisation(row),
      role: row.role,
    }))
  }

  async findMembership(
    personId: string,
    coalitionId: string,
  ): Promise<MembershipRecord | undefined> {
    const row = await this.db.row<{ organisation_id: string; role: Role; created_at: string }>(
      'SELECT organisation_id, role, created_at FROM memberships WHERE person_id = $1 AND coalition_id = $2',
      [personId, coalitionId],
    )
    return (
      row && {
        personId,
        coalitionId,
        organisationId: row.organisation_id,
        role: row.role,
        createdAt: row.created_at,
      }
    )
  }

  async listOrganisations(coalitionId: string): Promise<Organisation[]> {
    const rows = await this.db.rows<OrganisationRow>(
      `SELECT ${organisationColumns} FROM organisations o WHERE o.coalition_id = $1
       ORDER BY ${byName('o.name')}`,
      [coalitionId],
    )
    return rows.map(toOrganisation)
  }

  async createOrganisation(
    coalitionId: string,
    organisation: NewOrganisation & { id: string },
  ): Promise<Organisation> {
    await insertOrganisation(this.db, coalitionId, organisation, new Date().toISOString())
    return { ...organisation }
  }

  async updateOrganisation(
    coalitionId: string,
    id: string,
    patch: OrganisationPatch,
  ): Promise<Organisation | undefined> {
    const row = await organisation(this.db, coalitionId, id)
    if (!row) return undefined
    const next = { ...toOrganisation(row), ...patch }
    await this.db.run(
      `UPDATE organisations SET name = $1, short_name = $2, aliases = $3
       WHERE coalition_id = $4 AND id = $5`,
      [next.name, next.shortName, JSON.stringify(next.aliases), coalitionId, id],
    )
    return next
  }

  deleteOrganisation(coalitionId: string, id: string): Promise<'deleted' | 'missing' | 'in_use'> {
    return this.db.transaction(async (tx) => {
      // Locked, so a membership or invite naming it waits for this to finish, then fails.
      if (!(await organisation(tx, coalitionId, id, 'FOR UPDATE'))) return 'missing' as const
      const params = [id, new Date().toISOString()]
      const inUse = await tx.row<{ used: boolean }>(
        `SELECT EXISTS (SELECT 1 FROM memberships WHERE organisation_id = $1)
             OR EXISTS (SELECT 1 FROM invites WHERE organisation_id = $1 AND ${activeInvite})
             OR EXISTS (SELECT 1 FROM meeting_attendance WHERE organisation_id = $1) AS used`,
        params,
      )
      if (inUse?.used) return 'in_use' as const
      // Links that can no longer be used are history of the organisation, and go with it.
      await tx.run(
        `DELETE FROM invites WHERE organisation_id = $1 AND NOT (${activeInvite})`,
        params,
      )
      await tx.run('DELETE FROM organisations WHERE coalition_id = $1 AND id = $2', [
        coalitionId,
        id,
      ])
      return 'deleted' as const
    })
  }

  async listMembers(coalitionId: string): Promise<(Member & { email: string })[]> {
    const rows = await this.db.rows<MemberRow>(
      `SELECT m.person_id, p.name, p.email, m.organisation_id, m.role, m.created_at
       FROM memberships m JOIN people p ON p.id = m.person_id
       WHERE m.coalition_id = $1 ORDER BY ${byName('p.name')}`,
      [coalitionId],
    )
    return rows.map((row) => ({
      personId: row.person_id,
      name: row.name,
      email: row.email,
      organisationId: row.organisation_id,
      role: row.role,
      joinedAt: row.created_at,
    }))
  }

  addMember(membership: MembershipRecord): Promise<void> {
    return insertMember(this.db, membership)
  }

  async updateMember(
    coalitionId: string,
    personId: string,
    patch: { role?: Role; organisationId?: string },
  ): Promise<void> {
    await this.db.run(
      `UPDATE memberships SET organisation_id = coalesce($1, organisation_id),
         role = coalesce($2, role)
       WHERE coalition_id = $3 AND person_id = $4`,
      [patch.organisationId ?? null, patch.role ?? null, coalitionId, personId],
    )
  }

  async removeMember(coalitionId: string, personId: string): Promise<void> {
    await this.db.run('DELETE FROM memberships WHERE coalition_id = $1 AND person_id = $2', [
      coalitionId,
      personId,
    ])
  }
}

function organisation(
  q: Queries,
  coalitionId: string,
  id: string,
  lock = '',
): Promise<OrganisationRow | undefined> {
  return q.row<OrganisationRow>(
    `SELECT ${organisationColumns} FROM organisations o WHERE o.coalition_id = $1 AND o.id = $2 ${lock}`,
    [coalitionId, id],
  )
}

/** Throws UniqueViolation('name' | 'shortName'), see database.ts. */
async function insertOrganisation(
  q: Queries,
  coalitionId: string,
  organisation: NewOrganisation & { id: string },
  at: string,
): Promise<void> {
  await q.run(
    `INSERT INTO organisations (id, coalition_id, name, short_name, aliases, created_at)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      organisation.id,
      coalitionId,
      organisation.name,
      organisation.shortName,
      JSON.stringify(organisation.aliases),
      at,
    ],
  )
}

/** Throws UniqueViolation('membership'), see database.ts. */
async function insertMember(q: Queries, m: MembershipRecord): Promise<void> {
  await q.run(
    `INSERT INTO memberships (person_id, coalition_id, organisation_id, role, created_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [m.personId, m.coalitionId, m.organisationId, m.role, m.createdAt],
  )
}

function toOrganisation(row: OrganisationRow): Organisation {
  return { id: row.id, name: row.name, shortName: row.short_name, aliases: row.aliases }
}
