import { isDeepStrictEqual } from 'node:util'
import type { ActionProposal, MinutesExportInput } from '@accord/exports'
import type { StructureAction } from '@accord/minutes/structure'

type Minutes = MinutesExportInput['minutes']
type Proposals = Record<string, ActionProposal>

/**
 * What the stored structure read from the words of each action node that leaves its owners or
 * due date open, by node id (an explicit action's key). The tracker lists these same rows, so an
 * export built from them names the owners and dates the tracker shows, marked as proposed.
 */
export function storedProposals(actions: readonly StructureAction[]): Proposals {
  const proposals: Proposals = {}
  for (const action of actions) {
    if (action.origin !== 'explicit') continue
    if (!action.ownersProposed && !action.dueProposed) continue
    proposals[action.key] = {
      owners: action.ownersProposed ? action.owners : [],
      assignee: action.ownersProposed ? action.assignee : null,
      due: action.dueProposed ? action.due : null,
      dueText: action.dueProposed ? action.dueText : null,
    }
  }
  return proposals
}

/**
 * The proposals that hold for an approved version. The structure is stored for the live minutes
 * only, so a proposal is kept for an action node the version has exactly as the live minutes
 * have it (same words, same attributes): what was read from those words then is what is read
 * now. An action changed since the approval shows only what its node sets. (Extracting the
 * version itself would be exact, but holds the event loop for 50–150 ms per few thousand words
 * on the server's thread: it belongs on the projection's extraction workers.)
 */
export function versionProposals(proposals: Proposals, version: Minutes, live: Minutes): Proposals {
  const liveActions = actionNodes(live)
  const kept: Proposals = {}
  for (const [id, node] of actionNodes(version)) {
    const proposal = proposals[id]
    if (proposal && isDeepStrictEqual(node, liveActions.get(id))) kept[id] = proposal
  }
  return kept
}

/** Every action node of the minutes with an id, by id. */
function actionNodes(minutes: Minutes): Map<string, Minutes> {
  const found = new Map<string, Minutes>()
  const visit = (node: Minutes) => {
    const id: unknown = node.attrs?.id
    if (node.type === 'actionItem' && typeof id === 'string') found.set(id, node)
    node.content?.forEach(visit)
  }
  visit(minutes)
  return found
}
