import { can, type Coalition } from '@accord/coalition'
import { Link, useNavigate, useParams } from 'react-router'
import { useSignedIn } from '../account/session.ts'
import type { CoalitionView } from '../api/coalitions.ts'
import { CoalitionLoader } from '../coalitions/CoalitionLoader.tsx'
import { MembershipSummary } from '../coalitions/MembershipSummary.tsx'
import { useCoalition } from '../coalitions/use-coalition.ts'
import { CoalitionSection } from '../settings/CoalitionSection.tsx'
import { InvitesSection } from '../settings/InvitesSection.tsx'
import { MembersSection } from '../settings/MembersSection.tsx'
import { OrganisationsSection } from '../settings/OrganisationsSection.tsx'

export function SettingsPage() {
  const { coalitionId = '' } = useParams()
  return <SettingsRoute key={coalitionId} coalitionId={coalitionId} />
}

function SettingsRoute({ coalitionId }: { coalitionId: string }) {
  const loaded = useCoalition(coalitionId)
  const { update, refresh } = loaded
  const session = useSignedIn()
  const navigate = useNavigate()

  // Someone who changes their own role or organisation sees the page as it now is; someone who
  // removes themselves has nothing left to see here.
  async function selfChanged(removed: boolean) {
    // Memberships first: the home page sends a person to their first coalition, which must no
    // longer be the one they just left.
    await session.refresh()
    if (removed) await navigate('/')
    else refresh()
  }

  // The new name shows here at once; the session's memberships carry it to every other page.
  function renamed(coalition: Coalition) {
    update((current) => ({
      ...current,
      coalition,
      membership: { ...current.membership, coalition },
    }))
    void session.refresh()
  }

  return (
    <CoalitionLoader loaded={loaded}>
      {(view) => (
        <Settings
          view={view}
          personId={session.person.id}
          onOrganisationsChange={(change) =>
            update((current) => ({ ...current, organisations: change(current.organisations) }))
          }
          onSelfChanged={(removed) => void selfChanged(removed)}
          onRenamed={renamed}
        />
      )}
    </CoalitionLoader>
  )
}

interface SettingsProps {
  view: CoalitionView
  personId: string
  onOrganisationsChange: (
    change: (list: CoalitionView['organisations']) => CoalitionView['organisations'],
  ) => void
  onSelfChanged: (removed: boolean) => void
  onRenamed: (coalition: Coalition) => void
}

function Settings({
  view,
  personId,
  onOrganisationsChange,
  onSelfChanged,
  onRenamed,
}: SettingsProps) {
  const { coalition, organisations, membership } = view
  const canManage = can(membership.role, 'manageMembers')
  const canManageChairs = can(membership.role, 'manageChairs')

  return (
    <div className="page">
      <title>{`Settings – ${coalition.name} – Accord`}</title>
      <nav aria-label="Breadcrumb">
        <Link to={`/c/${coalition.id}`} className="back-link">
          ← {coalition.name}
        </Link>
      </nav>
      <h1>Settings</h1>
      <MembershipSummary membership={membership} />

      {canManageChairs && <CoalitionSection coalition={coalition} onRenamed={onRenamed} />}

      <OrganisationsSection
        coalitionId={coalition.id}
        organisations={organisations}
        canManage={canManage}
        onChange={onOrganisationsChange}
      />
      <MembersSection
        coalitionId={coalition.id}
        organisations={organisations}
        personId={personId}
        canManage={canManage}
        canManageChairs={canManageChairs}
        onSelfChanged={onSelfChanged}
      />
      {canManage && (
        <InvitesSection
          coalitionId={coalition.id}
          organisations={organisations}
          canInviteChair={canManageChairs}
        />
      )}
    </div>
  )
}
