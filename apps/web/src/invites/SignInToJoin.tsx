import { Link } from 'react-router'
import { withNext } from '../account/next-path.ts'

/** For someone signed out: both ways in bring them back to this invite. */
export function SignInToJoin({ token }: { token: string }) {
  const here = `/invite/${encodeURIComponent(token)}`
  return (
    <div className="invite-actions">
      <p>To join, create an Accord account or sign in to the one you have.</p>
      <div className="button-row">
        <Link to={withNext('/sign-up', here)} className="button">
          Create account
        </Link>
        <Link to={withNext('/sign-in', here)} className="button button--secondary">
          Sign in
        </Link>
      </div>
    </div>
  )
}
