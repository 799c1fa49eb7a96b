import type { Organisation } from '@accord/coalition'
import { useState, type FormEvent } from 'react'
import { addOrganisation } from '../api/organisations.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { TextField } from '../components/TextField.tsx'
import { parseAliases } from './aliases.ts'

const ERROR_ID = 'add-organisation-error'

interface AddOrganisationFormProps {
  coalitionId: string
  onAdded: (organisation: Organisation) => void
}

export function AddOrganisationForm({ coalitionId, onAdded }: AddOrganisationFormProps) {
  const [name, setName] = useState('')
  const [shortName, setShortName] = useState('')
  const [aliases, setAliases] = useState('')
  const { run, pending, error } = useAction()

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    void run(async () => {
      onAdded(
        await addOrganisation(coalitionId, { name, shortName, aliases: parseAliases(aliases) }),
      )
      setName('')
      setShortName('')
      setAliases('')
    })
  }

  const errorId = error ? ERROR_ID : undefined
  return (
    <form className="stacked-form settings-form" noValidate onSubmit={submit}>
      <div className="form-row">
        <TextField
          label="Organisation name"
          value={name}
          onChange={setName}
          grow
          errorId={errorId}
        />
        <TextField label="Short name" value={shortName} onChange={setShortName} errorId={errorId} />
        <TextField
          label="Aliases"
          value={aliases}
          onChange={setAliases}
          hint="Other names it goes by, separated by commas"
          grow
          errorId={errorId}
        />
      </div>
      <FormError id={ERROR_ID} message={error} />
      <div>
        <button type="submit" className="button" disabled={pending}>
          Add organisation
        </button>
      </div>
    </form>
  )
}
