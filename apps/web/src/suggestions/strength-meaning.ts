import type { Strength } from './find-suggestions.ts'

export const STRENGTH_LABELS: Record<Strength, string> = { strong: 'Strong', weak: 'Weak' }

/**
 * What a suggestion's strength means to the person reviewing it, said the same way by the
 * badge's title and the popover ("Strong: …"). Strong ones are what the Structure panel's
 * "Accept N strong suggestions" takes; weak ones are left for a person to judge.
 */
export const STRENGTH_MEANINGS: Record<Strength, string> = {
  strong:
    'the text reads clearly as this, so accepting the strong suggestions in the Structure panel takes it too',
  weak: 'check it before accepting – the text may mean this, and is left for you to accept or dismiss',
}
