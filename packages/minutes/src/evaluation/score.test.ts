import { describe, expect, it } from 'vitest'
import { matchPairs, precision, recall, scoreFile, textSimilarity } from './score.ts'

describe('scoring', () => {
  it('judges texts on shared content words (overlap coefficient ≥ 0.5)', () => {
    expect(
      textSimilarity('send the leaflets to all tenants', 'leaflets sent to tenants'),
    ).toBeGreaterThan(0.5)
    expect(textSimilarity('book the hall', 'book a speaker for the rally')).toBe(0)
    expect(textSimilarity('', 'anything')).toBe(0)
  })

  it('matches one to one, best first', () => {
    const pairs = matchPairs(['print flyers now', 'print flyers'], ['print flyers'], textSimilarity)
    expect(pairs).toHaveLength(1)
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
