import { createHash, randomBytes } from 'node:crypto'

/** A secret for a session or an invite link: 32 random bytes, base64url (43 characters). */
export function newToken(): string {
  return randomBytes(32).toString('base64url')
}

/** Tokens are stored only as this hash: a copy of the database opens no session or invite. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** Ids of people, coalitions, organisations and invites. */
export function newId(): string {
  return randomBytes(16).toString('base64url')
}
