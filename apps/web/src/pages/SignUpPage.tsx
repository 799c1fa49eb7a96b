import { Link } from 'react-router'
import { withNext } from '../account/next-path.ts'
import { SignUpForm } from '../account/SignUpForm.tsx'
import { useAfterSignIn } from '../account/use-after-sign-in.ts'

export function SignUpPage() {
  const { next, afterSignIn } = useAfterSignIn()

  return (
    <div className="page page--narrow">
      <title>Create account – Accord</title>
      <section className="card card--narrow" aria-labelledby="sign-up-heading">
        <h1 id="sign-up-heading">Create your account</h1>
        <SignUpForm onSignedUp={afterSignIn} />
        <p className="card__footer">
          Already have an account? <Link to={withNext('/sign-in', next)}>Sign in</Link>
        </p>
      </section>
    </div>
  )
}
