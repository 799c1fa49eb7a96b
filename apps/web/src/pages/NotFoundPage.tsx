import { Link } from 'react-router'

export function NotFoundPage() {
  return (
    <div className="page page--narrow">
      <title>Page not found – Accord</title>
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Back to your coalitions</Link>
      </p>
    </div>
  )
}
