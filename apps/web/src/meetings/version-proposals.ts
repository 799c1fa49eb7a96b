import type { StructureAction } from '@accord/minutes/structure'
import type { JSONContent } from '@tiptap/core'
import type { ProposalStore } from '../editor/use-action-proposal.ts'
import { proposalOf, type ActionProposal } from '../suggestions/action-proposals.ts'

/** Short names, by organisation id: how the extractor spells a mention without its label. */
type Labels = ReadonlyMap<string, string>

/**
 * The proposals of the stored structure that hold for an approved version, by action node id.
 * The structure is read from the live minutes only, so a proposal is kept for a version's
 * action node that is as the live minutes hold it – the same words, and the attributes the
 * structure read (status, owners, assignee, date) – since the same words propose the same
 * thing. A node changed since the approval shows only what it sets. This is the rule the
 * server applies to a version's exports (apps/server/src/exports/action-proposals.ts), which
 * compares the nodes themselves; the browser has only the structure to compare with.
 */
export function versionProposals(
  actions: readonly StructureAction[],
  version: JSONContent,
  labels: Labels,
): Map<string, ActionProposal> {
  const live = new Map(
    actions.filter((action) => action.origin === 'explicit').map((action) => [action.key, action]),
  )
  const kept = new Map<string, ActionProposal>()
  const visit = (node: JSONContent) => {
    const id: unknown = node.attrs?.id
    if (node.type === 'actionItem' && typeof id === 'string') {
      const action = live.get(id)
      const proposal = action && unchanged(node, action, labels) ? proposalOf(action) : null
      if (proposal) kept.set(id, proposal)
      return
    }
    node.content?.forEach(visit)
  }
  visit(version)
  return kept
}

/** Proposals that never change, as the node views read them (an approved version's). */
export function fixedProposals(proposals: ReadonlyMap<string, ActionProposal>): ProposalStore {
  return {
    subscribe: () => () => undefined,
    proposal: (key) => (key === null ? null : (proposals.get(key) ?? null)),
  }
}

/** How the extractor names an organisation a mention leaves unlabelled. */
export function mentionLabels(
  organisations: readonly { id: string; name: string; shortName: string }[],
): Labels {
  return new Map(organisations.map((org) => [org.id, org.shortName || org.name]))
}

/** The node reads as the structure's action was read: same words, same attributes. */
function unchanged(node: JSONContent, action: StructureAction, labels: Labels): boolean {
  const attrs: Record<string, unknown> = node.attrs ?? {}
  const owners = strings(attrs.owners)
  const assignee = text(attrs.assignee)
  return (
    inlineText(node, labels).trim() === action.text &&
    (text(attrs.status) ?? 'open') === action.status &&
    text(attrs.carriedFrom) === action.carriedFrom &&
    // Proposed owners (and the assignee with them) come from words the node leaves them to.
    (action.ownersProposed
      ? owners.length === 0 && (assignee === null || assignee === action.assignee)
      : sameList(owners, action.owners) && assignee === action.assignee) &&
    (action.dueProposed
      ? text(attrs.due) === null && text(attrs.dueText) === null
      : text(attrs.due) === action.due && text(attrs.dueText) === action.dueText)
  )
}

/** The node's words as the extractor reads them: a mention as its label or short name. */
function inlineText(node: JSONContent, labels: Labels): string {
  return (node.content ?? [])
    .map((child) => {
      if (child.type === 'text') return child.text ?? ''
      if (child.type === 'organisationMention') {
        const id = String(child.attrs?.id ?? '')
        return text(child.attrs?.label) ?? (labels.get(id) || id)
      }
      // A leaf (a line break) reads as a space, as in the extractor.
      return child.content ? inlineText(child, labels) : ' '
    })
    .join('')
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null
}

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === 'string' && item !== '')
    : []
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index])
}
