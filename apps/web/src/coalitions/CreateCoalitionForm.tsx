import type { Membership } from '@accord/coalition'
import { useState, type FormEvent } from 'react'
import { createCoalition } from '../api/coalitions.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { TextField } from '../components/TextField.tsx'

const ERROR_ID = 'create-coalition-error'

/** A new coalition and the organisation its creator, who becomes chair, speaks for. */
export function CreateCoalitionForm({
  onCreated,
}: {
  onCreated: (m: Membership) => Promise<void>
}) {
  const [name, setName] = useState('')
  const [organisation, setOrganisation] = useState('')
  const [shortName, setShortName] = useState('')
  const { run, pending, error } = useAction()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void run(async () => {
      const membership = await createCoalition({
        name,
        organisation: { name: organisation, shortName },
      })
      await onCreated(membership)
    })
  }

  const errorId = error ? ERROR_ID : undefined
  return (
    <form className="stacked-form" noValidate onSubmit={submit}>
      <TextField
        label="Coalition name"
        value={name}
        onChange={setName}
        placeholder="e.g. Fair Care Coalition"
        errorId={errorId}
      />
      <div className="form-row">
        <TextField
          label="Your organisation"
          value={organisation}
          onChange={setOrganisation}
          autoComplete="organization"
          grow
          errorId={errorId}
        />
        <TextField
          label="Short name"
          value={shortName}
          onChange={setShortName}
          hint="Up to 16 characters, e.g. FCC"
          errorId={errorId}
        />
      </div>
      <FormError id={ERROR_ID} message={error} />
      <div>
        <button type="submit" className="button" disabled={pending}>
          Create coalition
        </button>
      </div>
    </form>
  )
}
