import type { PersonRecord } from '../accounts/account-store.ts'

/** What middleware puts on the Hono context for the routes after it. */
export interface AppEnv {
  Variables: {
    /** The signed-in person, when the request carries a live session. */
    person: PersonRecord | undefined
    /** The hash of this request's session token, when it has one. */
    sessionHash: string | undefined
  }
}
