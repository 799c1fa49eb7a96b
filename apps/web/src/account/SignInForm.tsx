import { useState, type FormEvent } from 'react'
import { signIn } from '../api/auth.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { TextField } from '../components/TextField.tsx'

const ERROR_ID = 'sign-in-error'

/** Email and password; the server's answer (wrong password, too many attempts) is shown as is. */
export function SignInForm({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { run, pending, error } = useAction()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void run(async () => {
      await signIn({ email, password })
      await onSignedIn()
    })
  }

  const errorId = error ? ERROR_ID : undefined
  return (
    <form className="stacked-form" noValidate onSubmit={submit}>
      <TextField
        label="Email"
        type="email"
        value={email}
        onChange={setEmail}
        autoComplete="email"
        errorId={errorId}
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="current-password"
        errorId={errorId}
      />
      <FormError id={ERROR_ID} message={error} />
      <div>
        <button type="submit" className="button" disabled={pending}>
          Sign in
        </button>
      </div>
    </form>
  )
}
