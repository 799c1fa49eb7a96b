import { Navigate, Outlet, useLocation } from 'react-router'
import { errorMessage } from '../api/request.ts'
import { hasUnsavedLocalCopies } from '../collaboration/local-copies.ts'
import { LoadError } from '../components/LoadError.tsx'
import { withNext } from './next-path.ts'
import { useSession } from './session.ts'
import {
  SESSION_ENDED_KEPT_NOTICE,
  SESSION_ENDED_NOTICE,
  type SignInState,
} from './sign-in-notice.ts'

/** Renders its routes for a signed-in person; sends anyone else to sign in and back here. */
export function RequireSession() {
  const { state, refresh } = useSession()
  const location = useLocation()

  if (state.status === 'loading') {
    return (
      <p className="page muted" role="status">
        Loading…
      </p>
    )
  }
  if (state.status === 'failed') {
    return (
      <div className="page page--narrow">
        <h1>Could not reach Accord</h1>
        <LoadError message={errorMessage(state.error)} onRetry={() => void refresh()} />
      </div>
    )
  }
  if (state.status === 'signed-out') {
    // Someone who just signed out is not sent back here after signing in again.
    const here = location.pathname + location.search
    const next = state.reason === 'signed-out' || here === '/' ? null : here
    const notice: SignInState | undefined =
      state.reason === 'ended'
        ? { notice: hasUnsavedLocalCopies() ? SESSION_ENDED_KEPT_NOTICE : SESSION_ENDED_NOTICE }
        : undefined
    return <Navigate to={withNext('/sign-in', next)} state={notice} replace />
  }
  return <Outlet />
}
