import type { Context } from 'hono'
import { ApiError } from '../http/api-error.ts'
import type { AppEnv } from '../http/app-env.ts'
import type { PersonRecord } from './account-store.ts'

/** The signed-in person, or 401. */
export function requirePerson(c: Context<AppEnv>): PersonRecord {
  const person = c.get('person')
  if (!person) {
    throw new ApiError(
      401,
      'unauthenticated',
      'You are not signed in, or your session ended: sign in.',
    )
  }
  return person
}
