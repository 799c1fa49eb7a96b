import { describe, expect, it } from 'vitest'
import { precision, recall } from '../evaluation/score.ts'
import { evaluateSamples } from './evaluate.ts'

// The project's targets on the bundled samples (npm run eval prints the full table).
describe('evaluation on the bundled samples', () => {
  const { files, total } = evaluateSamples()

  it('scores all three samples', () => {
    expect(files.map((f) => f.file)).toEqual([
      'fortnightly-call.md',
      'pay-campaign.txt',
      'reform-alliance.md',
    ])
  })

  it('meets the targets: actions P/R ≥ 0.9, due dates ≥ 0.9, asks P/R ≥ 0.8', () => {
    expect(precision(total.actions)).toBeGreaterThanOrEqual(0.9)
    expect(recall(total.actions)).toBeGreaterThanOrEqual(0.9)
    expect(total.actions.dueCorrect / total.actions.matched).toBeGreaterThanOrEqual(0.9)
    expect(precision(total.asks)).toBeGreaterThanOrEqual(0.8)
    expect(recall(total.asks)).toBeGreaterThanOrEqual(0.8)
  })
})
