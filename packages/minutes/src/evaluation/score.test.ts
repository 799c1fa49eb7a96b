import { describe, expect, it } from 'vitest'
import { coverage, matchPairs, precision, recall, scoreFile, scoringWords } from './score.ts'

describe('scoring, as the samples README defines it', () => {
  it('compares content words: stop words and words under three letters dropped, stemmed', () => {
    expect([...scoringWords('Send the leaflets to all of us by 5 June')].sort()).toEqual([
      'june',
      'leaflet',
      'send',
    ])
  })

  it('covers a gold text when half its content words are said, in at most three times as many', () => {
    expect(coverage('send leaflets to tenants', 'send the leaflets to all tenants')).toBe(1)
    expect(coverage('book the hall', 'book a speaker for the rally')).toBeCloseTo(1 / 3)
    const rambling =
      'send leaflets while also discussing rents, repairs, damp, heating, insulation, councillors, landlords, elections, budgets, volunteers and parking'
    expect(coverage(rambling, 'send leaflets')).toBe(0)
    expect(coverage('', 'anything')).toBe(0)
  })

  it('matches one to one, best coverage first', () => {
    const pairs = matchPairs(['print flyers now', 'print flyers'], ['print flyers'], coverage)
    expect(pairs).toEqual([[0, 0]])
  })

  it('needs the owners to agree for an action to match, and counts due dates', () => {
    const gold = {
      meetingDate: '2025-06-10',
      actions: [
        { owners: ['A'], text: 'print the flyers', due: '2025-06-13' },
        { owners: ['B'], text: 'book the hall', due: null },
      ],
      asks: [{ text: 'freeze rents', target: 'council', supporters: [] }],
    }
    const predicted = {
      meetingDate: '2025-06-10',
      actions: [
        { owners: ['A'], text: 'print flyers for the rally', due: '2025-06-20' },
        { owners: ['C'], text: 'book the hall', due: null },
      ],
      asks: [{ text: 'a rent freeze, freeze rents now', target: 'council', supporters: [] }],
      decisions: [],
    }
    const score = scoreFile(gold, predicted)
    expect(score.actions).toEqual({ matched: 1, predicted: 2, gold: 2, dueCorrect: 0 })
    expect(precision(score.actions)).toBe(0.5)
    expect(recall(score.asks)).toBe(1)
    expect(score.asks.targetAgree).toBe(1)
    expect(score.decisions).toBeNull()
  })
})
