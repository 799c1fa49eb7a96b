import type { StructuredNodeType } from '@accord/minutes/nodes'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { mentionedOrganisations } from './organisations.ts'

/**
 * The attributes a block starts with when it becomes a structured node: an action is owed by
 * the organisations its text already mentions. The id comes from UniqueID.
 */
export function initialAttributes(
  type: StructuredNodeType,
  block: ProseMirrorNode,
): Record<string, unknown> {
  return type === 'actionItem' ? { owners: mentionedOrganisations(block) } : {}
}

export const STRUCTURED_BLOCK_LABELS: Record<StructuredNodeType, string> = {
  actionItem: 'Action',
  ask: 'Ask',
  decision: 'Decision',
}
