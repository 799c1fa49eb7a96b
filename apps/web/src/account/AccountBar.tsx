import { CoalitionSwitcher } from './CoalitionSwitcher.tsx'
import { useSession } from './session.ts'
import { SignOutButton } from './SignOutButton.tsx'

/** The header's right-hand side: where the person can go, who they are, and signing out. */
export function AccountBar() {
  const { state } = useSession()
  if (state.status !== 'signed-in') return null
  return (
    <div className="account">
      {state.memberships.length > 1 && <CoalitionSwitcher memberships={state.memberships} />}
      <span className="account__name">{state.person.name}</span>
      <SignOutButton />
    </div>
  )
}
