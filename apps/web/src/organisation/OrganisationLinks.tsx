import { Link } from 'react-router'
import './organisation-links.css'

interface OrganisationLink {
  id: string
  name: string
  shortName: string
}

interface OrganisationLinksProps {
  coalitionId: string
  organisations: readonly OrganisationLink[]
  /** The organisation whose page this is, marked as the current one. */
  currentId?: string
}

/** Every organisation of the coalition, each a link to what it committed to. */
export function OrganisationLinks({
  coalitionId,
  organisations,
  currentId,
}: OrganisationLinksProps) {
  const sorted = [...organisations].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
  return (
    <nav className="organisation-links" aria-labelledby="organisation-links-heading">
      <h2 id="organisation-links-heading">Organisations</h2>
      {sorted.length === 0 ? (
        <p className="muted">This coalition has no organisations yet.</p>
      ) : (
        <ul className="organisation-links__list">
          {sorted.map((organisation) => (
            <li key={organisation.id}>
              <Link
                to={organisationPath(coalitionId, organisation.id)}
                aria-current={organisation.id === currentId ? 'page' : undefined}
              >
                {organisation.name}
              </Link>{' '}
              <span className="muted">({organisation.shortName})</span>
            </li>
          ))}
        </ul>
      )}
    </nav>
  )
}

/** The organisation page's path in the web app. */
export function organisationPath(coalitionId: string, organisationId: string): string {
  return `/c/${encodeURIComponent(coalitionId)}/organisations/${encodeURIComponent(organisationId)}`
}
