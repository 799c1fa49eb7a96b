import { useId, useState, type ReactNode } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'

/**
 * A secret link just created, in full, with a copy button. The server keeps only its hash, so
 * it is shown only now; focus moves to it so keyboard and screen reader users find it at once.
 */
export function SecretLink({ label, url, hint }: { label: string; url: string; hint: ReactNode }) {
  const id = useId()
  const [copy, setCopy] = useState<CopyState>('idle')

  function copyLink() {
    // The clipboard needs a secure context and permission; a refusal is not worth an alert.
    navigator.clipboard.writeText(url).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    )
  }

  return (
    <div className="invite-link">
      <div className="field field--grow">
        <label htmlFor={id}>{label}</label>
        <input
          id={id}
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
          aria-describedby={`${id}-hint`}
          autoFocus
        />
        <p id={`${id}-hint`} className="field__hint">
          {hint}
        </p>
      </div>
      <button type="button" className="button button--secondary" onClick={copyLink}>
        Copy link
      </button>
      <span role="status" className="invite-link__status">
        {copy === 'copied' && 'Copied'}
        {copy === 'failed' && 'Could not copy: select the link and copy it yourself.'}
      </span>
    </div>
  )
}
