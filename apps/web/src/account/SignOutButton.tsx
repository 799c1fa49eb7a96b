import { useNavigate } from 'react-router'
import { signOut } from '../api/auth.ts'
import { useAction } from '../api/use-action.ts'
import { useSession } from './session.ts'

export function SignOutButton() {
  const { signedOut } = useSession()
  const navigate = useNavigate()
  const { run, pending, error } = useAction()

  function click() {
    void run(async () => {
      await signOut()
      // Pages that need a session also go to sign in now, without `?next=` for a deliberate
      // sign-out; this covers the pages that do not, such as an invite.
      signedOut()
      await navigate('/sign-in', { replace: true })
    })
  }

  return (
    <>
      <button
        type="button"
        className="button button--small button--secondary"
        onClick={click}
        disabled={pending}
      >
        Sign out
      </button>
      {error && (
        <span className="form-error account__error" role="alert">
          {error}
        </span>
      )}
    </>
  )
}
