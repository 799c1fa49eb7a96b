import { useId, useState, type FormEvent } from 'react'
import { useNavigate } from 'react-router'
import { importMeeting } from '../api/meetings.ts'
import { errorMessage } from '../api/request.ts'
import { FormError } from '../components/FormError.tsx'
import { todayIsoDate } from '../dates.ts'

/** The file types the server imports; the picker offers these. */
const ACCEPT = '.txt,.md,.markdown,.docx'

/**
 * Creates a meeting from minutes written elsewhere – a .txt, .md or .docx file, or pasted text –
 * and opens it. As in NewMeetingForm the server owns validation (noValidate) and its message is
 * shown as it is. Ids come from useId: the page has another form with Title and Date fields.
 */
export function ImportMinutesForm({ coalitionId }: { coalitionId: string }) {
  const navigate = useNavigate()
  const id = useId()
  const [file, setFile] = useState<File | undefined>()
  const [text, setText] = useState('')
  const [title, setTitle] = useState('')
  const [date, setDate] = useState(todayIsoDate)
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  /** How much of the upload has been sent, 0–1; the server then structures the minutes. */
  const [sent, setSent] = useState(0)
  const errorId = `${id}-error`
  const describedBy = error ? errorId : undefined

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitting(true)
    setSent(0)
    setError(null)
    try {
      const meeting = await importMeeting(coalitionId, { file, text, title, date }, setSent)
      await navigate(`/meetings/${meeting.id}`)
    } catch (caught) {
      setError(errorMessage(caught))
      setSubmitting(false)
    }
  }

  return (
    <form className="import-minutes" noValidate onSubmit={submit}>
      <div className="field">
        <label htmlFor={`${id}-file`}>Minutes file</label>
        <input
          id={`${id}-file`}
          type="file"
          accept={ACCEPT}
          onChange={(event) => setFile(event.target.files?.[0])}
          aria-describedby={[`${id}-file-hint`, describedBy].filter(Boolean).join(' ')}
        />
        <p id={`${id}-file-hint`} className="field__hint">
          A Word document (.docx), Markdown (.md) or plain text (.txt).
        </p>
      </div>
      <div className="field">
        <label htmlFor={`${id}-text`}>Or paste the minutes</label>
        <textarea
          id={`${id}-text`}
          rows={6}
          value={text}
          onChange={(event) => setText(event.target.value)}
          aria-describedby={describedBy}
        />
      </div>
      <div className="import-minutes__row">
        <div className="field field--grow">
          <label htmlFor={`${id}-title`}>Title</label>
          <input
            id={`${id}-title`}
            type="text"
            value={title}
            onChange={(event) => setTitle(event.target.value)}
            aria-describedby={[`${id}-title-hint`, describedBy].filter(Boolean).join(' ')}
            autoComplete="off"
          />
          <p id={`${id}-title-hint`} className="field__hint">
            Optional: otherwise the first heading of the minutes, or the file name.
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={date}
            onChange={(event) => setDate(event.target.value)}
            aria-required="true"
            aria-describedby={describedBy}
          />
        </div>
      </div>
      <div>
        <button type="submit" className="button" disabled={submitting}>
          {submitting ? 'Importing…' : 'Import minutes'}
        </button>
      </div>
      {submitting && (
        <div className="import-minutes__progress" role="status">
          <progress max={1} value={sent} aria-label="Upload" />
          <span>
            {sent < 1
              ? `Uploading… ${Math.round(sent * 100)}%`
              : 'Reading and structuring the minutes…'}
          </span>
        </div>
      )}
      <FormError id={errorId} message={error} />
    </form>
  )
}
