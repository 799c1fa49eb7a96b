import { useState } from 'react'

type CopyState = 'idle' | 'copied' | 'failed'

/**
 * The subscription link just made, in full. The server keeps only a hash of it, so it is shown
 * only now; focus moves to it so keyboard and screen reader users find it at once.
 */
export function FeedLink({ url, organisationName }: { url: string; organisationName: string }) {
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
        <label htmlFor="calendar-feed-link">Subscription link</label>
        <input
          id="calendar-feed-link"
          type="text"
          readOnly
          value={url}
          onFocus={(event) => event.target.select()}
          aria-describedby="calendar-feed-link-hint"
          autoFocus
        />
        <p id="calendar-feed-link-hint" className="field__hint">
          Add it to your calendar app as a subscription. Anyone with this link can read{' '}
          {organisationName}&apos;s due dates, so share it only with your organisation. It is shown
          only now.
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
