import type { Invite, Organisation } from '@accord/coalition'
import { useCallback, useState } from 'react'
import { listInvites, revokeInvite } from '../api/invites.ts'
import { errorMessage } from '../api/request.ts'
import { useAction } from '../api/use-action.ts'
import { useApi } from '../api/use-api.ts'
import { FormError } from '../components/FormError.tsx'
import { LoadError } from '../components/LoadError.tsx'
import { InviteForm } from './InviteForm.tsx'
import { InviteLink } from './InviteLink.tsx'
import { InviteTable } from './InviteTable.tsx'

interface InvitesSectionProps {
  coalitionId: string
  organisations: Organisation[]
  canInviteChair: boolean
}

/** For those who manage members: make invite links, see who used them, revoke them. */
export function InvitesSection({
  coalitionId,
  organisations,
  canInviteChair,
}: InvitesSectionProps) {
  const load = useCallback((signal: AbortSignal) => listInvites(coalitionId, signal), [coalitionId])
  const { state, retry, update } = useApi(load)
  const [createdPath, setCreatedPath] = useState<string | null>(null)
  const { run, pending, error } = useAction()

  function created({ invite, path }: { invite: Invite; path: string }) {
    setCreatedPath(path)
    update((invites) => [invite, ...invites])
  }

  function revoke(invite: Invite) {
    void run(async () => {
      await revokeInvite(coalitionId, invite.id)
      update((invites) =>
        invites.map((i) => (i.id === invite.id ? { ...i, status: 'revoked' as const } : i)),
      )
    })
  }

  return (
    <section className="settings-section" aria-labelledby="invites-heading">
      <h2 id="invites-heading">Invites</h2>
      <p className="muted">
        An invite link lets people join the coalition for one organisation, with the role you
        choose.
      </p>
      <InviteForm
        coalitionId={coalitionId}
        organisations={organisations}
        canInviteChair={canInviteChair}
        onCreated={created}
      />
      {/* Keyed by the link so each new one takes focus and resets "Copied". */}
      {createdPath && <InviteLink key={createdPath} path={createdPath} />}
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Loading invites…
        </p>
      )}
      {state.status === 'failed' && (
        <LoadError message={errorMessage(state.error)} onRetry={retry} />
      )}
      {state.status === 'ready' && (
        <InviteTable
          invites={state.value}
          organisations={organisations}
          pending={pending}
          onRevoke={revoke}
        />
      )}
      <FormError message={error} />
    </section>
  )
}
