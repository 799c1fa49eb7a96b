import { Link, Route, Routes } from 'react-router'
import { MeetingPage } from './pages/MeetingPage.tsx'
import { MeetingsPage } from './pages/MeetingsPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'

/** The page frame every route shares: a skip link, the header and the main landmark. */
export function App() {
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            Accord
          </Link>
          <span className="brand__tagline">Shared minutes for coalitions</span>
        </div>
      </header>
      {/* tabIndex lets the skip link move focus here, not just scroll. */}
      <main id="main" className="app-main" tabIndex={-1}>
        <Routes>
          <Route path="/" element={<MeetingsPage />} />
          <Route path="/meetings/:id" element={<MeetingPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </>
  )
}
