import type { Organisation } from '@accord/coalition'
import type { StructureChanges } from '@accord/sync/client'
import { errorMessage } from '../api/request.ts'
import { ActionList } from './ActionList.tsx'
import { AskList } from './AskList.tsx'
import { DecisionList } from './DecisionList.tsx'
import { useStructure } from './use-structure.ts'

interface StructurePanelProps {
  meetingId: string
  /** The session's "structure changed" messages: each one reloads the panel. */
  changes: StructureChanges
  organisations: Organisation[]
}

/** The ledger the server reads from the minutes, kept up to date while people type. */
export function StructurePanel({ meetingId, changes, organisations }: StructurePanelProps) {
  const state = useStructure(meetingId, changes)
  return (
    <aside className="structure" aria-labelledby="structure-heading">
      <h2 id="structure-heading">Structure</h2>
      {state.status === 'loading' && (
        <p className="muted" role="status">
          Loading…
        </p>
      )}
      {state.status === 'failed' && (
        <p className="notice notice--error" role="alert">
          {errorMessage(state.error)}
        </p>
      )}
      {state.status === 'ready' && (
        <>
          <ActionList actions={state.structure.actions} organisations={organisations} />
          <AskList asks={state.structure.asks} organisations={organisations} />
          <DecisionList decisions={state.structure.decisions} />
        </>
      )}
    </aside>
  )
}
