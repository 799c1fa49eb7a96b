import { MIN_PASSWORD_LENGTH } from '@accord/coalition'
import { useState, type FormEvent } from 'react'
import { signUp } from '../api/auth.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { TextField } from '../components/TextField.tsx'

const ERROR_ID = 'sign-up-error'

/** A new account. Validation is the server's: its message is shown as it is. */
export function SignUpForm({ onSignedUp }: { onSignedUp: () => Promise<void> }) {
  const [email, setEmail] = useState('')
  const [name, setName] = useState('')
  const [password, setPassword] = useState('')
  const { run, pending, error } = useAction()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void run(async () => {
      await signUp({ email, name, password })
      await onSignedUp()
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
        label="Name"
        value={name}
        onChange={setName}
        autoComplete="name"
        hint="Shown to the other members of your coalitions, and beside your cursor in the minutes."
        errorId={errorId}
      />
      <TextField
        label="Password"
        type="password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}
        errorId={errorId}
      />
      <FormError id={ERROR_ID} message={error} />
      <div>
        <button type="submit" className="button" disabled={pending}>
          Create account
        </button>
      </div>
    </form>
  )
}
