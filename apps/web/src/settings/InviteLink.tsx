import { useState } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'

/**
 * The link just created, in full. The server shows it only once, so it stays here until the
 * next one; focus moves to it so keyboard and screen reader users find it at once.
 */
export function InviteLink({ path }: { path: string }) {
  const link = location.origin + path
  const [copy, setCopy] = useState<CopyState>('idle')

  function copyLink() {
    // The clipboard needs a secure context and permission; a refusal is not worth an alert.
    navigator.clipboard.writeText(link).then(
      () => setCopy('copied'),
      () => setCopy('failed'),
    )
  }

  return (
    <div className="invite-link">
      <div className="field field--grow">
        <label htmlFor="invite-link">Invite link</label>
        <input
          id="invite-link"
          type="text"
          readOnly
          value={link}
          onFocus={(event) => event.target.select()}
          aria-describedby="invite-link-hint"
          autoFocus
        />
        <p id="invite-link-hint" className="field__hint">
          Send it to the people you are inviting. It is shown only now.
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
