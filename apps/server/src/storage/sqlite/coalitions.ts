import type Database from 'better-sqlite3'
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
import { unique } from './unique.ts'

interface OrganisationRow {
  id: string
  name: string
  short_name: string
  aliases: string
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

/** An invite someone could still use; `:now` is an ISO timestamp. */
const activeInvite = `revoked_at IS NULL AND expires_at > :now
  AND (max_uses IS NULL OR uses < max_uses)`

/** Which unique index a failed organisation write hit. */
const organisationConstraint = (message: string) =>
  message.includes('short_name') ? 'shortName' : 'name'

export class SqliteCoalitionStore implements CoalitionStore {
  private readonly statements

  constructor(private readonly db: Database.Database) {
    this.statements = {
      insertCoalition: db.prepare<[string, string, string]>(
        'INSERT INTO coalitions (id, name, created_at) VALUES (?, ?, ?)',
      ),
      adoptMeetings: db.prepare<[string]>(
        'UPDATE meetings SET coalition_id = ? WHERE coalition_id IS NULL',
      ),
      coalition: db.prepare<[string], Coalition>('SELECT id, name FROM coalitions WHERE id = ?'),
      renameCoalition: db.prepare<[string, string]>('UPDATE coalitions SET name = ? WHERE id = ?'),
      membershipsOf: db.prepare<
        [string],
        OrganisationRow & { coalition_id: string; coalition_name: string; role: Role }
      >(
        `SELECT c.id AS coalition_id, c.name AS coalition_name, m.role, ${organisationColumns}
         FROM memberships m
         JOIN coalitions c ON c.id = m.coalition_id
         JOIN organisations o ON o.id = m.organisation_id
         WHERE m.person_id = ? ORDER BY c.name`,
      ),
      membership: db.prepare<
        [string, string],
        { organisation_id: string; role: Role; created_at: string }
      >(
        'SELECT organisation_id, role, created_at FROM memberships WHERE person_id = ? AND coalition_id = ?',
      ),
      organisations: db.prepare<[string], OrganisationRow>(
        `SELECT ${organisationColumns} FROM organisations o WHERE o.coalition_id = ? ORDER BY lower(o.name)`,
      ),
      organisation: db.prepare<[string, string], OrganisationRow>(
        `SELECT ${organisationColumns} FROM organisations o WHERE o.coalition_id = ? AND o.id = ?`,
      ),
      insertOrganisation: db.prepare<[string, string, string, string, string, string]>(
        `INSERT INTO organisations (id, coalition_id, name, short_name, aliases, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      updateOrganisation: db.prepare<[string, string, string, string, string]>(
        'UPDATE organisations SET name = ?, short_name = ?, aliases = ? WHERE coalition_id = ? AND id = ?',
      ),
      organisationInUse: db.prepare<{ id: string; now: string }, { used: number }>(
        `SELECT EXISTS (SELECT 1 FROM memberships WHERE organisation_id = :id)
             OR EXISTS (SELECT 1 FROM invites WHERE organisation_id = :id AND ${activeInvite})
             OR EXISTS (SELECT 1 FROM meeting_attendance WHERE organisation_id = :id) AS used`,
      ),
      // Links that can no longer be used are history of the organisation, and go with it.
      deleteSpentInvites: db.prepare<{ id: string; now: string }>(
        `DELETE FROM invites WHERE organisation_id = :id AND NOT (${activeInvite})`,
      ),
      deleteOrganisation: db.prepare<[string, string]>(
        'DELETE FROM organisations WHERE coalition_id = ? AND id = ?',
      ),
      members: db.prepare<[string], MemberRow>(
        `SELECT m.person_id, p.name, p.email, m.organisation_id, m.role, m.created_at
         FROM memberships m JOIN people p ON p.id = m.person_id
         WHERE m.coalition_id = ? ORDER BY lower(p.name)`,
      ),
      insertMember: db.prepare<[string, string, string, Role, string]>(
        `INSERT INTO memberships (person_id, coalition_id, organisation_id, role, created_at)
         VALUES (?, ?, ?, ?, ?)`,
      ),
      updateMember: db.prepare<[string | null, Role | null, string, string]>(
        `UPDATE memberships SET organisation_id = coalesce(?, organisation_id), role = coalesce(?, role)
         WHERE coalition_id = ? AND person_id = ?`,
      ),
      removeMember: db.prepare<[string, string]>(
        'DELETE FROM memberships WHERE coalition_id = ? AND person_id = ?',
      ),
    }
  }

  createCoalition({
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
    this.db.transaction(() => {
      const at = chair.createdAt
      this.statements.insertCoalition.run(coalition.id, coalition.name, at)
      this.insertOrganisation(coalition.id, organisation, at)
      this.insertMember(chair)
      if (adoptOwnerlessMeetings) this.statements.adoptMeetings.run(coalition.id)
    })()
    return Promise.resolve()
  }

  getCoalition(id: string): Promise<Coalition | undefined> {
    return Promise.resolve(this.statements.coalition.get(id))
  }

  renameCoalition(id: string, name: string): Promise<void> {
    this.statements.renameCoalition.run(name, id)
    return Promise.resolve()
  }

  membershipsOf(personId: string): Promise<Membership[]> {
    return Promise.resolve(
      this.statements.membershipsOf.all(personId).map((row) => ({
        coalition: { id: row.coalition_id, name: row.coalition_name },
        organisation: toOrganisation(row),
        role: row.role,
      })),
    )
  }

  findMembership(personId: string, coalitionId: string): Promise<MembershipRecord | undefined> {
    const row = this.statements.membership.get(personId, coalitionId)
    return Promise.resolve(
      row && {
        personId,
        coalitionId,
        organisationId: row.organisation_id,
        role: row.role,
        createdAt: row.created_at,
      },
    )
  }

  listOrganisations(coalitionId: string): Promise<Organisation[]> {
    return Promise.resolve(this.statements.organisations.all(coalitionId).map(toOrganisation))
  }

  // The writes that can break a unique index are async, so a UniqueViolation rejects the
  // promise rather than throwing past it.
  async createOrganisation(
    coalitionId: string,
    organisation: NewOrganisation & { id: string },
  ): Promise<Organisation> {
    this.insertOrganisation(coalitionId, organisation, new Date().toISOString())
    return { ...organisation }
  }

  async updateOrganisation(
    coalitionId: string,
    id: string,
    patch: OrganisationPatch,
  ): Promise<Organisation | undefined> {
    const row = this.statements.organisation.get(coalitionId, id)
    if (!row) return undefined
    const next = { ...toOrganisation(row), ...patch }
    unique(organisationConstraint, () =>
      this.statements.updateOrganisation.run(
        next.name,
        next.shortName,
        JSON.stringify(next.aliases),
        coalitionId,
        id,
      ),
    )
    return next
  }

  deleteOrganisation(coalitionId: string, id: string): Promise<'deleted' | 'missing' | 'in_use'> {
    return Promise.resolve(
      this.db.transaction(() => {
        if (!this.statements.organisation.get(coalitionId, id)) return 'missing' as const
        const now = new Date().toISOString()
        if (this.statements.organisationInUse.get({ id, now })?.used) return 'in_use' as const
        this.statements.deleteSpentInvites.run({ id, now })
        this.statements.deleteOrganisation.run(coalitionId, id)
        return 'deleted' as const
      })(),
    )
  }

  listMembers(coalitionId: string): Promise<(Member & { email: string })[]> {
    return Promise.resolve(
      this.statements.members.all(coalitionId).map((row) => ({
        personId: row.person_id,
        name: row.name,
        email: row.email,
        organisationId: row.organisation_id,
        role: row.role,
        joinedAt: row.created_at,
      })),
    )
  }

  async addMember(membership: MembershipRecord): Promise<void> {
    this.insertMember(membership)
  }

  updateMember(
    coalitionId: string,
    personId: string,
    patch: { role?: Role; organisationId?: string },
  ): Promise<void> {
    this.statements.updateMember.run(
      patch.organisationId ?? null,
      patch.role ?? null,
      coalitionId,
      personId,
    )
    return Promise.resolve()
  }

  removeMember(coalitionId: string, personId: string): Promise<void> {
    this.statements.removeMember.run(coalitionId, personId)
    return Promise.resolve()
  }

  private insertOrganisation(
    coalitionId: string,
    organisation: NewOrganisation & { id: string },
    at: string,
  ): void {
    unique(organisationConstraint, () =>
      this.statements.insertOrganisation.run(
        organisation.id,
        coalitionId,
        organisation.name,
        organisation.shortName,
        JSON.stringify(organisation.aliases),
        at,
      ),
    )
  }

  private insertMember(m: MembershipRecord): void {
    unique(
      () => 'membership',
      () =>
        this.statements.insertMember.run(
          m.personId,
          m.coalitionId,
          m.organisationId,
          m.role,
          m.createdAt,
        ),
    )
  }
}

function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    aliases: JSON.parse(row.aliases) as string[],
  }
}
