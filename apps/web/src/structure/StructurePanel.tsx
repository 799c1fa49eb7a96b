import type { Organisation } from '@accord/coalition'
import type { StructureChanges } from '@accord/sync/client'
import { errorMessage } from '../api/request.ts'
import { ModelStatus } from '../suggestions/ModelStatus.tsx'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import { AcceptAllSuggestions } from './AcceptAllSuggestions.tsx'
import { ActionList } from './ActionList.tsx'
import { AskList } from './AskList.tsx'
import { DecisionList } from './DecisionList.tsx'
import { useStructure } from './use-structure.ts'

interface StructurePanelProps {
  meetingId: string
  /** The session's "structure changed" messages: each one reloads the panel. */
  changes: StructureChanges
  organisations: Organisation[]
  /** Accepting and dismissing suggestions: only for those who can edit the minutes. */
  review: SuggestionReview | null
}

/** The ledger the server reads from the minutes, kept up to date while people type. */
export function StructurePanel({ meetingId, changes, organisations, review }: StructurePanelProps) {
  const state = useStructure(meetingId, changes)
  return (
    <aside className="structure" aria-labelledby="structure-heading">
      <h2 id="structure-heading">Structure</h2>
      {review && <ModelStatus language={review.language} />}
      {review && <AcceptAllSuggestions review={review} organisations={organisations} />}
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
          <ActionList
            actions={state.structure.actions}
            organisations={organisations}
            review={review}
          />
          <AskList asks={state.structure.asks} organisations={organisations} review={review} />
          <DecisionList decisions={state.structure.decisions} review={review} />
        </>
      )}
    </aside>
  )
}
