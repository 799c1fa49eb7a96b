import { useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { createMeeting } from '../api/meetings.ts'
import { errorMessage } from '../api/request.ts'
import { todayIsoDate } from '../dates.ts'

/**
 * Creates a meeting in the coalition and opens it. Validation is the server's (noValidate): it owns the rules,
 * and its message is shown as it is, so the two can never disagree.
 */
export function NewMeetingForm({ coalitionId }: { coalitionId: string }) {
  const navigate = useNavigate()
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(todayIsoDate)
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitting(true)
    setError(null)
    try {
      const meeting = await createMeeting(coalitionId, { title, date })
      await navigate(`/meetings/${meeting.id}`)
    } catch (caught) {
      setError(errorMessage(caught))
      setSubmitting(false)
    }
  }

  return (
    <form className="new-meeting" noValidate onSubmit={submit}>
      <div className="field field--grow">
        <label htmlFor="meeting-title">Title</label>
        <input
          id="meeting-title"
          type="text"
          value={title}
          onChange={(event) => setTitle(event.target.value)}
          aria-required="true"
          aria-describedby={error ? 'new-meeting-error' : undefined}
          placeholder="e.g. Coalition fortnightly call"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="meeting-date">Date</label>
        <input
          id="meeting-date"
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          aria-required="true"
          aria-describedby={error ? 'new-meeting-error' : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={submitting}>
        Create meeting
      </button>
      {error && (
        <p id="new-meeting-error" className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
