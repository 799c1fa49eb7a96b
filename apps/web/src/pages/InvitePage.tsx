import { Link, useParams } from 'react-router'
import { errorMessage, isApiError } from '../api/request.ts'
import { LoadError } from '../components/LoadError.tsx'
import { InviteOffer } from '../invites/InviteOffer.tsx'
import { useInvite } from '../invites/use-invite.ts'

/** `/invite/:token`: open to anyone holding the link, signed in or not. */
export function InvitePage() {
  const { token = '' } = useParams()
  return <InviteView key={token} token={token} />
}

function InviteView({ token }: { token: string }) {
  const { state, retry } = useInvite(token)

  if (state.status === 'loading') {
    return (
      <p className="page muted" role="status">
        Loading invite…
      </p>
    )
  }
  if (state.status === 'failed') {
    // 404: no such link; 410: expired, revoked or used up. The server says which.
    const unusable = isApiError(state.error, 404) || isApiError(state.error, 410)
    return (
      <div className="page page--narrow">
        <title>Invite – Accord</title>
        <h1>{unusable ? 'This invite link cannot be used' : 'Could not open the invite'}</h1>
        {unusable ? (
          <>
            <p className="notice notice--error" role="alert">
              {errorMessage(state.error)}
            </p>
            <p>Ask whoever sent it for a new link.</p>
            <p>
              <Link to="/">Go to Accord</Link>
            </p>
          </>
        ) : (
          <LoadError message={errorMessage(state.error)} onRetry={retry} />
        )}
      </div>
    )
  }
  return (
    <div className="page page--narrow">
      <InviteOffer token={token} invite={state.value} />
    </div>
  )
}
