import type { ReactNode } from 'react'
import type { CoalitionView } from '../api/coalitions.ts'
import { errorMessage, isApiError } from '../api/request.ts'
import { LoadError } from '../components/LoadError.tsx'
import { CoalitionNotFound } from './CoalitionNotFound.tsx'
import type { useCoalition } from './use-coalition.ts'

interface CoalitionLoaderProps {
  loaded: ReturnType<typeof useCoalition>
  children: (view: CoalitionView) => ReactNode
}

/** The loading, not-found and failed states every coalition page shows the same way. */
export function CoalitionLoader({ loaded: { state, retry }, children }: CoalitionLoaderProps) {
  if (state.status === 'loading') {
    return (
      <p className="page muted" role="status">
        Loading coalition…
      </p>
    )
  }
  if (state.status === 'failed') {
    if (isApiError(state.error, 404)) return <CoalitionNotFound />
    return (
      <div className="page page--narrow">
        <h1>Could not open the coalition</h1>
        <LoadError message={errorMessage(state.error)} onRetry={retry} />
      </div>
    )
  }
  return children(state.value)
}
