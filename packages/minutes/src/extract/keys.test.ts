import { describe, expect, it } from 'vitest'
import { extract } from './index.ts'
import { suggestionKey, uniqueKeys } from './keys.ts'
import { context, markdownDoc } from './testing.ts'

describe('suggestion keys', () => {
  it('are a fixed function of kind and normalised text', () => {
    // Pinned: a dismissal stored under a key must keep applying after an upgrade.
    expect(suggestionKey('action', 'map empty homes')).toBe(
      suggestionKey('action', '  Map  empty homes. '),
    )
    expect(suggestionKey('action', 'map empty homes')).toMatch(/^action-[0-9a-z]+$/)
    expect(suggestionKey('ask', 'map empty homes')).not.toBe(
      suggestionKey('action', 'map empty homes'),
    )
  })

  it('stay the same when the document changes elsewhere', () => {
    const before = extract(markdownDoc('SP will map empty homes.'), context).actions[0]!.key
    const after = extract(
      markdownDoc('# Minutes\n\nRents rose.\n\nSP will map empty homes.'),
      context,
    ).actions[0]!.key
    expect(after).toBe(before)
  })

  it('are made unique within one result', () => {
    expect(uniqueKeys([{ key: 'a' }, { key: 'a' }, { key: 'b' }]).map((i) => i.key)).toEqual([
      'a',
      'a~2',
      'b',
    ])
  })
})
