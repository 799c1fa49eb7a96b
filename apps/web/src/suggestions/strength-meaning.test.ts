import { describe, expect, it } from 'vitest'
import { STRENGTH_MEANINGS } from './strength-meaning.ts'

describe('STRENGTH_MEANINGS', () => {
  it('points a strong suggestion to the button the Structure panel has', () => {
    // The panel's button reads "Accept 2 strong suggestions"; there is no "Accept all" any more.
    expect(STRENGTH_MEANINGS.strong).toContain('the strong suggestions in the Structure panel')
    expect(Object.values(STRENGTH_MEANINGS).join(' ')).not.toContain('Accept all')
  })

  it('asks for a weak one to be checked first', () => {
    expect(`Weak: ${STRENGTH_MEANINGS.weak}`).toMatch(/^Weak: check it before accepting/)
  })
})
