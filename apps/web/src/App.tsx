import { Link, Route, Routes } from 'react-router'
import { AccountBar } from './account/AccountBar.tsx'
import { RequireSession } from './account/RequireSession.tsx'
import { SessionProvider } from './account/SessionProvider.tsx'
import { CoalitionPage } from './pages/CoalitionPage.tsx'
import { HomePage } from './pages/HomePage.tsx'
import { InvitePage } from './pages/InvitePage.tsx'
import { MeetingPage } from './pages/MeetingPage.tsx'
import { MinutesVersionPage } from './meetings/MinutesVersionPage.tsx'
import { NotFoundPage } from './pages/NotFoundPage.tsx'
import { AsksPage } from './pages/AsksPage.tsx'
import { OrganisationPage } from './pages/OrganisationPage.tsx'
import { TrackerPage } from './pages/TrackerPage.tsx'
import { SettingsPage } from './pages/SettingsPage.tsx'
import { SignInPage } from './pages/SignInPage.tsx'
import { SignUpPage } from './pages/SignUpPage.tsx'

/** The page frame every route shares: a skip link, the header and the main landmark. */
export function App() {
  return (
    <SessionProvider>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <Link to="/" className="brand">
            Accord
          </Link>
          <span className="brand__tagline">Shared minutes for coalitions</span>
          <AccountBar />
        </div>
      </header>
      {/* tabIndex lets the skip link move focus here, not just scroll. */}
      <main id="main" className="app-main" tabIndex={-1}>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/sign-up" element={<SignUpPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route element={<RequireSession />}>
            <Route path="/" element={<HomePage />} />
            <Route path="/c/:coalitionId" element={<CoalitionPage />} />
            <Route path="/c/:coalitionId/settings" element={<SettingsPage />} />
            <Route path="/c/:coalitionId/tracker" element={<TrackerPage />} />
            <Route path="/c/:coalitionId/asks" element={<AsksPage />} />
            <Route
              path="/c/:coalitionId/organisations/:organisationId"
              element={<OrganisationPage />}
            />
            <Route path="/meetings/:id" element={<MeetingPage />} />
            <Route path="/meetings/:id/versions/:versionId" element={<MinutesVersionPage />} />
          </Route>
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </main>
    </SessionProvider>
  )
}
