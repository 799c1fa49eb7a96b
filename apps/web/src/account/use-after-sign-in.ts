import { useNavigate, useSearchParams } from 'react-router'
import { safeNextPath } from './next-path.ts'
import { useSession } from './session.ts'

/**
 * `?next=` of the current page (when safe), and what to do once the server has set the session
 * cookie: learn who is signed in, then go there.
 */
export function useAfterSignIn() {
  const [params] = useSearchParams()
  const next = safeNextPath(params.get('next'))
  const { refresh } = useSession()
  const navigate = useNavigate()

  async function afterSignIn() {
    await refresh()
    await navigate(next ?? '/', { replace: true })
  }

  return { next, afterSignIn }
}
