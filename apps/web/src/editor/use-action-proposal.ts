import type { ActionItemAttrs } from '@accord/minutes/nodes'
import { useSyncExternalStore } from 'react'
import { pendingProposal, type ActionProposal } from '../suggestions/action-proposals.ts'
import type { ExtractionStore } from '../suggestions/extraction-store.ts'

/**
 * Where node views read proposals: the browser's reading of the live minutes, or for an
 * approved version those of the stored structure that still hold (meetings/version-proposals.ts).
 */
export type ProposalStore = Pick<ExtractionStore, 'subscribe' | 'proposal'>

const noStore = () => () => undefined

/**
 * The owners and due date an action node's words propose and its attributes lack, from the
 * browser's latest reading of the minutes (or, for an approved version, the stored structure);
 * null when there is nothing proposed (or no model loaded yet).
 */
export function useActionProposal(
  extraction: ProposalStore | null | undefined,
  attrs: ActionItemAttrs,
): ActionProposal | null {
  const proposal = useSyncExternalStore(extraction?.subscribe ?? noStore, () =>
    extraction ? extraction.proposal(attrs.id) : null,
  )
  return pendingProposal(attrs, proposal)
}
