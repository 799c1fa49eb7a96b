import { NavLink } from 'react-router'

/** The coalition's pages, shown at the top of each of them. */
export function CoalitionNav({ coalitionId }: { coalitionId: string }) {
  const base = `/c/${coalitionId}`
  return (
    <nav className="coalition-nav" aria-label="Coalition">
      <NavLink to={base} end>
        Meetings
      </NavLink>
      <NavLink to={`${base}/tracker`}>Action tracker</NavLink>
      <NavLink to={`${base}/asks`}>Asks</NavLink>
      <NavLink to={`${base}/settings`}>Settings</NavLink>
    </nav>
  )
}
