import type { StructureDecision } from '@accord/minutes/structure'
import { isStrong } from '@accord/minutes/suggestions'
import { StrengthBadge } from '../suggestions/StrengthBadge.tsx'

/**
 * Marks an item the server inferred from prose, as opposed to one written as an explicit node,
 * with how sure the reading is: strong or weak.
 */
export function SuggestedBadge({ item }: { item: StructureDecision }) {
  return (
    <>
      <span className="structure-badge" title="Found in the text, not marked as an item">
        Suggested
      </span>{' '}
      {/* isStrong reads only the confidence, which every kind of item carries alike. */}
      <StrengthBadge strength={isStrong({ kind: 'decision', item }) ? 'strong' : 'weak'} />
    </>
  )
}
