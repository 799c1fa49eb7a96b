import type { Membership } from '@accord/coalition'
import { useRef } from 'react'
import { NavLink } from 'react-router'

/**
 * For someone in several coalitions: a disclosure listing them. A plain <details> keeps it
 * keyboard-operable with no script; choosing one closes it.
 */
export function CoalitionSwitcher({ memberships }: { memberships: Membership[] }) {
  const details = useRef<HTMLDetailsElement>(null)
  return (
    <details className="switcher" ref={details}>
      <summary className="switcher__summary">Coalitions</summary>
      <nav aria-label="Your coalitions">
        <ul className="switcher__list">
          {memberships.map(({ coalition }) => (
            <li key={coalition.id}>
              <NavLink
                to={`/c/${coalition.id}`}
                className="switcher__link"
                onClick={() => details.current?.removeAttribute('open')}
              >
                {coalition.name}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </details>
  )
}
