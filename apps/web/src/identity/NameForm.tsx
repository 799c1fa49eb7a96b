import { useId, useState, type FormEvent } from 'react'
import { cleanName, MAX_NAME_LENGTH } from './identity.ts'

interface NameFormProps {
  initialName?: string
  onSubmit: (name: string) => void
  onCancel?: () => void
}

/** Asks for the name other people will see beside this person's caret. */
export function NameForm({ initialName = '', onSubmit, onCancel }: NameFormProps) {
  const id = useId()
  const [name, setName] = useState(initialName)
  const [error, setError] = useState<string | null>(null)

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    const cleaned = cleanName(name)
    if (!cleaned) {
      setError('Enter the name others will see.')
      return
    }
    onSubmit(cleaned)
  }

  return (
    <form className="name-form" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-name`}>Your name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          maxLength={MAX_NAME_LENGTH}
          autoComplete="name"
          aria-required="true"
          aria-describedby={error ? `${id}-error` : `${id}-hint`}
          autoFocus
        />
        <p id={`${id}-hint`} className="field__hint">
          Shown to others beside your cursor and in the list of people here.
        </p>
      </div>
      {error && (
        <p id={`${id}-error`} className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="name-form__actions">
        <button type="submit" className="button">
          Continue
        </button>
        {onCancel && (
          <button type="button" className="button button--secondary" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  )
}
