import { Link, useLocation } from 'react-router'
import { withNext } from '../account/next-path.ts'
import { readNotice } from '../account/sign-in-notice.ts'
import { SignInForm } from '../account/SignInForm.tsx'
import { useAfterSignIn } from '../account/use-after-sign-in.ts'

export function SignInPage() {
  const { next, afterSignIn } = useAfterSignIn()
  const notice = readNotice(useLocation().state)

  return (
    <div className="page page--narrow">
      <title>Sign in – Accord</title>
      <section className="card card--narrow" aria-labelledby="sign-in-heading">
        <h1 id="sign-in-heading">Sign in</h1>
        {notice && (
          <p className="notice notice--info" role="status">
            {notice}
          </p>
        )}
        <SignInForm onSignedIn={afterSignIn} />
        <p className="card__footer">
          New to Accord? <Link to={withNext('/sign-up', next)}>Create account</Link>
        </p>
      </section>
    </div>
  )
}
