import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react'
import { getMe } from '../api/auth.ts'
import { isApiError, onSessionEnded } from '../api/request.ts'
import { SessionContext, type Session, type SessionState } from './session.ts'

/** Loads /api/me once and keeps the answer for every page; see session.ts. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' })
  // Only the newest question's answer counts: a slow /api/me from before signing in must not
  // overwrite the one after it.
  const latest = useRef(0)

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

  const signedOut = useCallback(() => {
    latest.current++
    setState({ status: 'signed-out', reason: 'signed-out' })
  }, [])

  const ended = useCallback(() => {
    latest.current++
    setState((current) => ({
      status: 'signed-out',
      reason: current.status === 'signed-in' ? 'ended' : 'unknown',
    }))
  }, [])

  useEffect(() => {
    void refresh()
  }, [refresh])
  useEffect(() => onSessionEnded(ended), [ended])

  const session = useMemo<Session>(
    () => ({ state, refresh, signedOut, ended }),
    [state, refresh, signedOut, ended],
  )
  return <SessionContext value={session}>{children}</SessionContext>
}
