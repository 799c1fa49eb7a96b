import { isStrongConfidence } from '@accord/minutes/suggestions'
import { StrengthBadge } from '../suggestions/StrengthBadge.tsx'

/**
 * Marks an item the server inferred from prose, as opposed to one written as an explicit node,
 * with how sure the reading is: strong or weak.
 */
export function SuggestedBadge({ item }: { item: { confidence: number } }) {
  return (
    <>
      <span className="structure-badge" title="Found in the text, not marked as an item">
        Suggested
      </span>{' '}
      <StrengthBadge strength={isStrongConfidence(item.confidence) ? 'strong' : 'weak'} />
    </>
  )
}
