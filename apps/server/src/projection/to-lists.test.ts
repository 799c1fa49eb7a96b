import { describe, expect, it } from 'vitest'
import type { ExtractResult } from './extract-contract.ts'
import { MAX_ITEMS_PER_LIST, toLists } from './to-lists.ts'

const decision = (i: number) => ({
  key: `decision-${i}`,
  origin: 'suggested' as const,
  text: `Decision ${i}`,
  source: { from: i * 10, to: i * 10 + 5, text: `Decision ${i}` },
  reason: 'a test',
  confidence: 0.8,
})

describe('the rows a projection stores', () => {
  it('keeps the first MAX_ITEMS_PER_LIST of a list, in document order', () => {
    const count = MAX_ITEMS_PER_LIST + 500
    // Backwards, as explicit items come before suggestions whatever their place.
    const decisions = Array.from({ length: count }, (_, i) => decision(count - 1 - i))
    const result = { actions: [], asks: [], decisions } as unknown as ExtractResult
    const { decisions: stored } = toLists(result)
    expect(stored).toHaveLength(MAX_ITEMS_PER_LIST)
    expect(stored[0]).toMatchObject({ key: 'decision-0', position: 0 })
    expect(stored.at(-1)).toMatchObject({
      key: `decision-${MAX_ITEMS_PER_LIST - 1}`,
      position: MAX_ITEMS_PER_LIST - 1,
    })
  })
})
