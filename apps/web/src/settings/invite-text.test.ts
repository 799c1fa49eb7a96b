import { describe, expect, it } from 'vitest'
import { inviteUses } from './invite-text.ts'

describe('inviteUses', () => {
  it('counts against the limit, or against none', () => {
    expect(inviteUses({ uses: 0, maxUses: 1 })).toBe('0 of 1')
    expect(inviteUses({ uses: 3, maxUses: null })).toBe('3 of unlimited')
  })
})
