import type { ActionItemAttrs } from '@accord/minutes/nodes'
import { useSyncExternalStore } from 'react'
import { pendingProposal, type ActionProposal } from '../suggestions/action-proposals.ts'
import type { ExtractionStore } from '../suggestions/extraction-store.ts'

const noStore = () => () => undefined

/**
 * The owners and due date an action node's words propose and its attributes lack, from the
 * browser's latest reading of the minutes; null when there is nothing proposed (or no model
 * loaded yet, or a read-only copy).
 */
export function useActionProposal(
  extraction: ExtractionStore | null | undefined,
  attrs: ActionItemAttrs,
): ActionProposal | null {
  const proposal = useSyncExternalStore(extraction?.subscribe ?? noStore, () =>
    extraction ? extraction.proposal(attrs.id) : null,
  )
  return pendingProposal(attrs, proposal)
}
