import type { Strength } from './find-suggestions.ts'
import { STRENGTH_LABELS, STRENGTH_MEANINGS } from './strength-meaning.ts'

/** "Strong" or "Weak", in words and in shape (solid or dashed border), never colour alone. */
export function StrengthBadge({ strength }: { strength: Strength }) {
  return (
    <span
      className={`strength strength--${strength}`}
      title={`${STRENGTH_LABELS[strength]}: ${STRENGTH_MEANINGS[strength]}`}
    >
      {STRENGTH_LABELS[strength]}
    </span>
  )
}
