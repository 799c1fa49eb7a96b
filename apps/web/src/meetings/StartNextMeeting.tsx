import type { Meeting } from '@accord/minutes/meeting'
import { useId, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'
import { startNextMeeting } from './lifecycle-api.ts'

/**
 * Starts the coalition's next meeting from this one: its agenda, and every action still open
 * under "Matters arising". The rules on title and date are the server's (noValidate), so its
 * message is shown as it is.
 */
export function StartNextMeeting({ meeting }: { meeting: Meeting }) {
  const navigate = useNavigate()
  const id = useId()
  const [title, setTitle] = useState(meeting.title)
  const [date, setDate] = useState('')
  const { run, pending, error } = useAction()
  const errorId = `${id}-error`

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    await run(async () => {
      const next = await startNextMeeting(meeting.id, { title, date })
      await navigate(`/meetings/${next.id}`)
    })
  }

  return (
    <form className="inline-form" noValidate onSubmit={submit}>
      <div className="field field--grow">
        <label htmlFor={`${id}-title`}>Title</label>
        <input
          id={`${id}-title`}
          type="text"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          aria-required="true"
          aria-describedby={error ? errorId : undefined}
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-date`}>Date</label>
        <input
          id={`${id}-date`}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          aria-required="true"
          aria-describedby={error ? errorId : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        Start next meeting
      </button>
      <FormError id={errorId} message={error} />
    </form>
  )
}
