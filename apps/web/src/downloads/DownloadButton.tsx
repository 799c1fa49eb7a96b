import { useState } from 'react'
import { errorMessage } from '../api/request.ts'
import { fetchFile, saveFile } from './fetch-file.ts'

type State =
  | { phase: 'idle' }
  | { phase: 'fetching'; fraction: number | null }
  | { phase: 'failed'; message: string }

/**
 * A button that downloads a file from the API, showing its progress while it comes and a clear
 * message if the server refuses it. `label` names the format, e.g. "Word (.docx)".
 */
export function DownloadButton({
  path,
  label,
  description,
}: {
  path: string
  label: string
  /** Read by screen readers with the button, e.g. "ALC's commitments". */
  description?: string
}) {
  const [state, setState] = useState<State>({ phase: 'idle' })

  async function download() {
    setState({ phase: 'fetching', fraction: null })
    try {
      const file = await fetchFile(path, (fraction) => setState({ phase: 'fetching', fraction }))
      saveFile(file)
      setState({ phase: 'idle' })
    } catch (error) {
      setState({ phase: 'failed', message: errorMessage(error) })
    }
  }

  const busy = state.phase === 'fetching'
  return (
    <span className="download">
      <button
        type="button"
        className="button button--secondary"
        onClick={() => void download()}
        disabled={busy}
        aria-description={description}
      >
        {label}
      </button>
      {busy && (
        <progress
          className="download__progress"
          aria-label={`Downloading ${label}`}
          max={1}
          {...(state.fraction === null ? {} : { value: state.fraction })}
        />
      )}
      {state.phase === 'failed' && (
        <span role="alert" className="download__error">
          {state.message}
        </span>
      )}
    </span>
  )
}
