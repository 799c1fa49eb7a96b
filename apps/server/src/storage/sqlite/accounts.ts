import type Database from 'better-sqlite3'
import type { AccountStore, PersonRecord, SessionRecord } from '../../accounts/account-store.ts'
import { unique } from './unique.ts'

interface PersonRow {
  id: string
  email: string
  name: string
  password_hash: string | null
  created_at: string
}

export class SqliteAccountStore implements AccountStore {
  private readonly statements

  constructor(db: Database.Database) {
    const person = 'SELECT id, email, name, password_hash, created_at FROM people'
    this.statements = {
      insertPerson: db.prepare<[string, string, string, string | null, string]>(
        'INSERT INTO people (id, email, name, password_hash, created_at) VALUES (?, ?, ?, ?, ?)',
      ),
      personById: db.prepare<[string], PersonRow>(`${person} WHERE id = ?`),
      personByEmail: db.prepare<[string], PersonRow>(`${person} WHERE email = ?`),
      setPasswordHash: db.prepare<[string, string]>(
        'UPDATE people SET password_hash = ? WHERE id = ?',
      ),
      insertSession: db.prepare<[string, string, string, string]>(
        'INSERT INTO sessions (token_hash, person_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      ),
      session: db.prepare<
        [string],
        { person_id: string; expires_at: string; revoked_at: string | null }
      >('SELECT person_id, expires_at, revoked_at FROM sessions WHERE token_hash = ?'),
      revokeSession: db.prepare<[string, string]>(
        'UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL',
      ),
      revokeSessionsOf: db.prepare<[string, string]>(
        'UPDATE sessions SET revoked_at = ? WHERE person_id = ? AND revoked_at IS NULL',
      ),
    }
  }

  // async, so a UniqueViolation rejects the promise rather than throwing past it.
  async createPerson(person: PersonRecord): Promise<void> {
    unique(
      () => 'email',
      () =>
        this.statements.insertPerson.run(
          person.id,
          person.email,
          person.name,
          person.passwordHash,
          person.createdAt,
        ),
    )
  }

  getPerson(id: string): Promise<PersonRecord | undefined> {
    const row = this.statements.personById.get(id)
    return Promise.resolve(row && toPerson(row))
  }

  findPersonByEmail(email: string): Promise<PersonRecord | undefined> {
    const row = this.statements.personByEmail.get(email)
    return Promise.resolve(row && toPerson(row))
  }

  setPasswordHash(personId: string, passwordHash: string): Promise<void> {
    this.statements.setPasswordHash.run(passwordHash, personId)
    return Promise.resolve()
  }

  createSession(
    session: Omit<SessionRecord, 'revokedAt'> & { tokenHash: string; createdAt: string },
  ): Promise<void> {
    this.statements.insertSession.run(
      session.tokenHash,
      session.personId,
      session.createdAt,
      session.expiresAt,
    )
    return Promise.resolve()
  }

  findSession(tokenHash: string): Promise<SessionRecord | undefined> {
    const row = this.statements.session.get(tokenHash)
    return Promise.resolve(
      row && { personId: row.person_id, expiresAt: row.expires_at, revokedAt: row.revoked_at },
    )
  }

  revokeSession(tokenHash: string, at: string): Promise<void> {
    this.statements.revokeSession.run(at, tokenHash)
    return Promise.resolve()
  }

  revokeSessionsOf(personId: string, at: string): Promise<void> {
    this.statements.revokeSessionsOf.run(at, personId)
    return Promise.resolve()
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
