import type { InvitePreview } from '@accord/coalition'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { useSignedIn } from '../account/session.ts'
import { acceptInvite } from '../api/invites.ts'
import { isApiError } from '../api/request.ts'
import { useAction } from '../api/use-action.ts'
import { FormError } from '../components/FormError.tsx'

interface JoinButtonProps {
  token: string
  invite: InvitePreview
}

/** Accepts the invite for the signed-in person and opens the coalition. */
export function JoinButton({ token, invite }: JoinButtonProps) {
  const { person, memberships, refresh } = useSignedIn()
  const navigate = useNavigate()
  const { run, pending, error } = useAction()
  const [alreadyMember, setAlreadyMember] = useState<string | null>(null)

  function join() {
    setAlreadyMember(null)
    void run(async () => {
      try {
        const membership = await acceptInvite(token)
        await navigate(`/c/${membership.coalition.id}`)
        await refresh()
      } catch (caught) {
        if (!isApiError(caught, 409, 'already_member')) throw caught
        setAlreadyMember(caught.message)
      }
    })
  }

  const existing = memberships.find(({ coalition }) => coalition.id === invite.coalitionId)
  return (
    <div className="invite-actions">
      <p>
        You are signed in as <strong>{person.name}</strong>.
      </p>
      <button type="button" className="button" disabled={pending} onClick={join}>
        Join coalition
      </button>
      <FormError message={error} />
      {alreadyMember && (
        <div className="notice notice--info" role="alert">
          <p>{alreadyMember}</p>
          <p>
            {existing ? (
              <Link to={`/c/${existing.coalition.id}`}>Go to {existing.coalition.name}</Link>
            ) : (
              <Link to="/">Go to your coalitions</Link>
            )}
          </p>
        </div>
      )}
    </div>
  )
}
