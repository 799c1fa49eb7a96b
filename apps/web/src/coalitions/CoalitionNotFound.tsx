import { Link } from 'react-router'

/** The server answers 404 both for no such coalition and for one the person is not in. */
export function CoalitionNotFound() {
  return (
    <div className="page page--narrow">
      <title>Coalition not found – Accord</title>
      <h1>Coalition not found</h1>
      <p>
        There is no coalition at this address that you belong to. If someone invited you, open the
        invite link they sent.
      </p>
      <p>
        <Link to="/">Back to your coalitions</Link>
      </p>
    </div>
  )
}
