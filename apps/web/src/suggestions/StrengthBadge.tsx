import type { Strength } from './find-suggestions.ts'

const LABELS: Record<Strength, string> = { strong: 'Strong', weak: 'Weak' }
const TITLES: Record<Strength, string> = {
  strong: 'The text reads clearly as this: "Accept all" accepts it',
  weak: 'The text may mean this: check it and accept or dismiss it yourself',
}

/** "Strong" or "Weak", in words and in shape (solid or dashed border), never colour alone. */
export function StrengthBadge({ strength }: { strength: Strength }) {
  return (
    <span className={`strength strength--${strength}`} title={TITLES[strength]}>
      {LABELS[strength]}
    </span>
  )
}
