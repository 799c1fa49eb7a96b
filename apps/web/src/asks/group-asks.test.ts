import { describe, expect, it } from 'vitest'
import { ask, ledgerWith } from '../organisation/ledger-fixtures.ts'
import { groupAsks, letterTargets, withAsk } from './group-asks.ts'

const meetings = ledgerWith().meetings

describe('groupAsks', () => {
  it('groups by status in the order asks move, keeping empty groups', () => {
    const groups = groupAsks(
      [ask('a', { status: 'sent' }), ask('b', { status: 'proposed' }), ask('c')],
      meetings,
    )
    expect(groups.map((group) => [group.heading, group.asks.map((a) => a.key)])).toEqual([
      ['Proposed', ['b', 'c']],
      ['Agreed', []],
      ['Sent', ['a']],
    ])
  })

  it("puts the newest meeting's asks first, keeping one meeting's asks in minutes order", () => {
    const groups = groupAsks(
      [
        ask('jan-1', { meetingId: 'm1' }),
        ask('feb-1', { meetingId: 'm2' }),
        ask('jan-2', { meetingId: 'm1' }),
        ask('feb-2', { meetingId: 'm2' }),
      ],
      meetings,
    )
    expect(groups[0]?.asks.map((a) => a.key)).toEqual(['feb-1', 'feb-2', 'jan-1', 'jan-2'])
  })
})

describe('letterTargets', () => {
  it('lists the targets of agreed and sent asks once each (any case), alphabetically', () => {
    expect(
      letterTargets([
        ask('a', { status: 'agreed', target: 'HM Treasury' }),
        ask('b', { status: 'sent', target: ' Department of Health ' }),
        ask('c', { status: 'agreed', target: 'hm treasury' }),
        ask('d', { status: 'proposed', target: 'Ofsted' }),
        ask('e', { status: 'agreed', target: null }),
        ask('f', { status: 'agreed', target: '  ' }),
      ]),
    ).toEqual(['Department of Health', 'HM Treasury'])
  })
})

describe('withAsk', () => {
  it('replaces the changed ask and leaves the others alone', () => {
    const ledger = ledgerWith({ asks: [ask('a'), ask('b')] })
    const changed = ask('b', { supporters: ['alc'] })
    const next = withAsk(ledger, changed)
    expect(next.asks).toEqual([ledger.asks[0], changed])
    expect(ledger.asks[1]?.supporters).toEqual([])
  })
})
