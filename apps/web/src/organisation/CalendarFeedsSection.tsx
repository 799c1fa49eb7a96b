import { useCallback, useState } from 'react'
import { errorMessage } from '../api/request.ts'
import { useAction } from '../api/use-action.ts'
import { useApi } from '../api/use-api.ts'
import { FormError } from '../components/FormError.tsx'
import { LoadError } from '../components/LoadError.tsx'
import {
  createCalendarFeed,
  listCalendarFeeds,
  revokeCalendarFeed,
  type CalendarFeed,
} from './api.ts'
import { FeedLink } from './FeedLink.tsx'
import { formatInstant } from './instant.ts'

interface CalendarFeedsSectionProps {
  coalitionId: string
  organisation: { id: string; name: string }
}

/**
 * Secret links a calendar app subscribes to, so the organisation's due dates stay up to date
 * there. Each is shown once when made; the list shows the live ones, each revocable.
 */
export function CalendarFeedsSection({ coalitionId, organisation }: CalendarFeedsSectionProps) {
  const load = useCallback(
    (signal: AbortSignal) => listCalendarFeeds(coalitionId, organisation.id, signal),
    [coalitionId, organisation.id],
  )
  const { state, retry, update } = useApi(load)
  const { run, pending, error } = useAction()
  const [created, setCreated] = useState<{ feedId: string; url: string } | null>(null)

  const create = () =>
    void run(async () => {
      const { feed, url } = await createCalendarFeed(coalitionId, organisation.id)
      update((feeds) => [feed, ...feeds])
      setCreated({ feedId: feed.id, url })
    })

  const revoke = (feed: CalendarFeed) =>
    void run(async () => {
      await revokeCalendarFeed(coalitionId, organisation.id, feed.id)
      update((feeds) => feeds.filter((live) => live.id !== feed.id))
      // A revoked link is no use to copy.
      setCreated((shown) => (shown?.feedId === feed.id ? null : shown))
    })

  return (
    <section className="card" aria-labelledby="calendar-feeds-heading">
      <h2 id="calendar-feeds-heading">Calendar subscription</h2>
      <p className="field__hint organisation-intro">
        A link your calendar app checks for new and changed due dates. Anyone who has it can read
        them, without signing in; revoke a link you no longer trust.
      </p>
      <div className="button-row">
        <button type="button" className="button" onClick={create} disabled={pending}>
          Create subscription link
        </button>
      </div>
      {created && <FeedLink url={created.url} organisationName={organisation.name} />}
      <FormError message={error} />
      <h3 className="calendar-feeds__heading">Links that work now</h3>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Loading links…
        </p>
      )}
      {state.status === 'failed' && (
        <LoadError message={errorMessage(state.error)} onRetry={retry} />
      )}
      {state.status === 'ready' &&
        (state.value.length === 0 ? (
          <p className="muted">No links yet.</p>
        ) : (
          <ul className="calendar-feeds">
            {state.value.map((feed) => (
              <li key={feed.id} className="calendar-feeds__item">
                <span>Created {formatInstant(feed.createdAt)}</span>
                <button
                  type="button"
                  className="button button--danger button--small"
                  onClick={() => revoke(feed)}
                  disabled={pending}
                  aria-label={`Revoke the link created ${formatInstant(feed.createdAt)}`}
                >
                  Revoke
                </button>
              </li>
            ))}
          </ul>
        ))}
    </section>
  )
}
