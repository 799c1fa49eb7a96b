import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { getMe, signOut as endSession } from '../api/auth.ts'
import { isApiError, onSessionEnded } from '../api/request.ts'
import { deleteLocalCopiesOf, deleteOthersLocalCopies } from '../collaboration/local-copies.ts'
import { SessionContext, type Session, type SessionState } from './session.ts'

/** Loads /api/me once and keeps the answer for every page; see session.ts. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  // Only the newest question's answer counts: a slow /api/me from before signing in must not
  // overwrite the one after it.
  const latest = useRef(0)
  // While signing out here, the server closing this person's editors (4401) and any 401 are
  // the sign-out itself, not a session that ended.
  const signingOut = useRef(false)

  const refresh = useCallback(async () => {
    const call = ++latest.current
    let next: SessionState
    try {
      next = { status: 'signed-in', ...(await getMe()) }
    } catch (error) {
      next = isApiError(error, 401)
        ? { status: 'signed-out', reason: 'unknown' }
        : { status: 'failed', error }
    }
    if (call === latest.current) setState(next)
  }, [])

  const personId = state.status === 'signed-in' ? state.person.id : undefined
  const signOut = useCallback(async () => {
    signingOut.current = true
    try {
      // A session that had already ended is as signed out as this one is about to be.
      await endSession().catch((error: unknown) => {
        if (!isApiError(error, 401)) throw error
      })
      latest.current++
      setState({ status: 'signed-out', reason: 'signed-out' })
    } finally {
      signingOut.current = false
    }
    // Open editors unmount with the page now; each copy is deleted once its editor closes it.
    if (personId) void deleteLocalCopiesOf(personId)
  }, [personId])

  const ended = useCallback(() => {
    if (signingOut.current) return
    latest.current++
    setState((current) =>
      current.status === 'signed-out'
        ? current
        : { status: 'signed-out', reason: current.status === 'signed-in' ? 'ended' : 'unknown' },
    )
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])
  useEffect(() => onSessionEnded(ended), [ended])
  // Someone else has signed in on this browser: nothing of the previous person's stays. An
  // ended session leaves its person's copies until then (see local-copies.ts).
  useEffect(() => {
    if (personId) void deleteOthersLocalCopies(personId)
  }, [personId])

  const session = useMemo<Session>(
    () => ({ state, refresh, signOut, ended }),
    [state, refresh, signOut, ended],
  )
  return <SessionContext value={session}>{children}</SessionContext>
}
