import type { AccountStore, PersonRecord, SessionRecord } from '../../accounts/account-store.ts'
import type { Database } from './database.ts'

interface PersonRow {
  id: string
  email: string
  name: string
  password_hash: string | null
  created_at: string
}

const person = 'SELECT id, email, name, password_hash, created_at FROM people'

export class PostgresAccountStore implements AccountStore {
  constructor(private readonly db: Database) {}

  async createPerson(p: PersonRecord): Promise<void> {
    await this.db.run(
      'INSERT INTO people (id, email, name, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
      [p.id, p.email, p.name, p.passwordHash, p.createdAt],
    )
  }

  async getPerson(id: string): Promise<PersonRecord | undefined> {
    const row = await this.db.row<PersonRow>(`${person} WHERE id = $1`, [id])
    return row && toPerson(row)
  }

  async findPersonByEmail(email: string): Promise<PersonRecord | undefined> {
    const row = await this.db.row<PersonRow>(`${person} WHERE email = $1`, [email])
    return row && toPerson(row)
  }

  async setPasswordHash(personId: string, passwordHash: string): Promise<void> {
    await this.db.run('UPDATE people SET password_hash = $1 WHERE id = $2', [
      passwordHash,
      personId,
    ])
  }

  async createSession(
    session: Omit<SessionRecord, 'revokedAt'> & { tokenHash: string; createdAt: string },
  ): Promise<void> {
    await this.db.run(
      'INSERT INTO sessions (token_hash, person_id, created_at, expires_at) VALUES ($1, $2, $3, $4)',
      [session.tokenHash, session.personId, session.createdAt, session.expiresAt],
    )
  }

  async findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = await this.db.row<{
      person_id: string
      expires_at: string
      revoked_at: string | null
    }>('SELECT person_id, expires_at, revoked_at FROM sessions WHERE token_hash = $1', [tokenHash])
    return row && { personId: row.person_id, expiresAt: row.expires_at, revokedAt: row.revoked_at }
  }

  async revokeSession(tokenHash: string, at: string): Promise<void> {
    await this.db.run(
      'UPDATE sessions SET revoked_at = $1 WHERE token_hash = $2 AND revoked_at IS NULL',
      [at, tokenHash],
    )
  }

  async revokeSessionsOf(personId: string, at: string): Promise<void> {
    await this.db.run(
      'UPDATE sessions SET revoked_at = $1 WHERE person_id = $2 AND revoked_at IS NULL',
      [at, personId],
    )
  }
}

function toPerson(row: PersonRow): PersonRecord {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    passwordHash: row.password_hash,
    createdAt: row.created_at,
  }
}
