import type { Membership } from '@accord/coalition'
import { Navigate, useNavigate } from 'react-router'
import { useSignedIn } from '../account/session.ts'
import { CreateCoalitionForm } from '../coalitions/CreateCoalitionForm.tsx'
import { DemoButton } from '../coalitions/DemoButton.tsx'

/** Sends a member to their (first) coalition; helps someone in none to start one. */
export function HomePage() {
  const { person, memberships, refresh } = useSignedIn()
  const navigate = useNavigate()

  const first = memberships[0]
  if (first) return <Navigate to={`/c/${first.coalition.id}`} replace />

  // Go first, then learn the new membership: refreshing first would re-render this page with a
  // membership and redirect it a second time.
  async function open(membership: Membership) {
    await navigate(`/c/${membership.coalition.id}`)
    await refresh()
  }

  return (
    <div className="page page--narrow">
      <title>Welcome – Accord</title>
      <h1>Welcome, {person.name}</h1>
      <p>
        You are not in a coalition yet. If someone has invited you, open the invite link they sent
        you. Otherwise, start your own.
      </p>

      <section className="card" aria-labelledby="create-coalition-heading">
        <h2 id="create-coalition-heading">Create your coalition</h2>
        <CreateCoalitionForm onCreated={open} />
      </section>

      <section className="card" aria-labelledby="demo-heading">
        <h2 id="demo-heading">Look around first</h2>
        <p>A demo coalition with sample minutes, with you as its chair.</p>
        <DemoButton onCreated={open} />
      </section>
    </div>
  )
}
