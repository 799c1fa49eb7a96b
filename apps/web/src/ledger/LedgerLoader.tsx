import type { Ledger } from '@accord/minutes/ledger'
import type { ReactNode } from 'react'
import { errorMessage } from '../api/request.ts'
import { LoadError } from '../components/LoadError.tsx'
import type { useLedger } from './use-ledger.ts'

interface LedgerLoaderProps {
  loaded: ReturnType<typeof useLedger>
  /** What is being loaded, for the status line: "Loading asks…". */
  what: string
  children: (ledger: Ledger) => ReactNode
}

/** The loading and failed states of a page built on the ledger, below its heading. */
export function LedgerLoader({ loaded: { state, retry }, what, children }: LedgerLoaderProps) {
  if (state.status === 'loading') {
    return (
      <p className="muted" role="status">
        Loading {what}…
      </p>
    )
  }
  if (state.status === 'failed') {
    return <LoadError message={errorMessage(state.error)} onRetry={retry} />
  }
  return children(state.value)
}
