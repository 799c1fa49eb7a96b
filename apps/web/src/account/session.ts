import type { Membership, Person } from '@accord/coalition'
import { createContext, useContext } from 'react'

/**
 * The signed-in person as the server's GET /api/me describes them. The session itself is an
 * httpOnly cookie this code never sees: asking the server is the only way to know.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: SignedOutReason }
  | { status: 'signed-in'; person: Person; memberships: Membership[] }
  | { status: 'failed'; error: unknown }

/**
 * 'signed-out': they pressed Sign out here. 'ended': they were signed in until the server said
 * the session is over. 'unknown': the server said so when asked, e.g. on arrival.
 */
export type SignedOutReason = 'unknown' | 'signed-out' | 'ended'

export interface Session {
  state: SessionState
  /** Asks /api/me again; resolves once `state` shows the answer. */
  refresh(): Promise<void>
  /**
   * Signs out here: ends the session on the server, then deletes the person's local copies of
   * the minutes. No "session ended" message on the sign-in page. Rejects, changing nothing,
   * when the server cannot be reached.
   */
  signOut(): Promise<void>
  /** The server ended the session (401 or websocket close 4401). */
  ended(): void
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession needs a SessionProvider above it')
  return session
}

/** For pages behind RequireSession, which renders them only once someone is signed in. */
export function useSignedIn() {
  const { state, refresh } = useSession()
  if (state.status !== 'signed-in') throw new Error('useSignedIn outside RequireSession')
  return { person: state.person, memberships: state.memberships, refresh }
}
