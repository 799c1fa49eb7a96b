export interface PersonRecord {
  id: string
  email: string
  name: string
  /** null for people added by the demo, who cannot sign in. */
  passwordHash: string | null
  createdAt: string
}

export interface SessionRecord {
  personId: string
  expiresAt: string
  revokedAt: string | null
}

/** People and their sign-in sessions. Session tokens are stored only as hashes. */
export interface AccountStore {
  /** Throws UniqueViolation('email') when the email is taken. */
  createPerson(person: PersonRecord): Promise<void>
  getPerson(id: string): Promise<PersonRecord | undefined>
  findPersonByEmail(email: string): Promise<PersonRecord | undefined>
  setPasswordHash(personId: string, passwordHash: string): Promise<void>
  createSession(
    session: Omit<SessionRecord, 'revokedAt'> & { tokenHash: string; createdAt: string },
  ): Promise<void>
  findSession(tokenHash: string): Promise<SessionRecord | undefined>
  revokeSession(tokenHash: string, at: string): Promise<void>
  revokeSessionsOf(personId: string, at: string): Promise<void>
}
