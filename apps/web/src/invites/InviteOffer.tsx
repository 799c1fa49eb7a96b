import { ROLE_LABELS, type InvitePreview } from '@accord/coalition'
import { useSession } from '../account/session.ts'
import { errorMessage } from '../api/request.ts'
import { LoadError } from '../components/LoadError.tsx'
import { formatInstantDate } from '../dates.ts'
import { JoinButton } from './JoinButton.tsx'
import { SignInToJoin } from './SignInToJoin.tsx'

interface InviteOfferProps {
  token: string
  invite: InvitePreview
}

export function InviteOffer({ token, invite }: InviteOfferProps) {
  const { coalitionName, organisationName, role, expiresAt } = invite
  return (
    <section className="card card--narrow" aria-labelledby="invite-heading">
      <title>{`Join ${coalitionName} – Accord`}</title>
      <h1 id="invite-heading">
        Join {coalitionName} as {ROLE_LABELS[role]} for {organisationName}
      </h1>
      <p className="muted">
        This invite expires on <time dateTime={expiresAt}>{formatInstantDate(expiresAt)}</time>.
      </p>
      <InviteActions token={token} invite={invite} />
    </section>
  )
}

function InviteActions({ token, invite }: InviteOfferProps) {
  const { state, refresh } = useSession()
  switch (state.status) {
    case 'loading':
      return null
    case 'failed':
      return <LoadError message={errorMessage(state.error)} onRetry={() => void refresh()} />
    case 'signed-out':
      return <SignInToJoin token={token} />
    case 'signed-in':
      return <JoinButton token={token} invite={invite} />
  }
}
