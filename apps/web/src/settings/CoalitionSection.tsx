import type { Coalition } from '@accord/coalition'
import { useState, type FormEvent } from 'react'
import { renameCoalition } from '../api/coalitions.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { TextField } from '../components/TextField.tsx'

const ERROR_ID = 'rename-coalition-error'

interface CoalitionSectionProps {
  coalition: Coalition
  /** The server confirmed the new name. */
  onRenamed: (coalition: Coalition) => void
}

/** For chairs: the coalition's own name. */
export function CoalitionSection({ coalition, onRenamed }: CoalitionSectionProps) {
  const [name, setName] = useState(coalition.name)
  const [saved, setSaved] = useState(false)
  const { run, pending, error } = useAction()

  function change(value: string) {
    setName(value)
    setSaved(false)
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSaved(false)
    void run(async () => {
      const renamed = await renameCoalition(coalition.id, { name })
      setName(renamed.name)
      setSaved(true)
      onRenamed(renamed)
    })
  }

  const errorId = error ? ERROR_ID : undefined
  return (
    <section className="settings-section" aria-labelledby="coalition-heading">
      <h2 id="coalition-heading">Coalition</h2>
      <form className="inline-form" noValidate onSubmit={submit}>
        <TextField label="Coalition name" value={name} onChange={change} grow errorId={errorId} />
        <button type="submit" className="button" disabled={pending}>
          Rename coalition
        </button>
        <span role="status" className="muted">
          {saved && 'Saved'}
        </span>
      </form>
      <FormError id={ERROR_ID} message={error} />
    </section>
  )
}
