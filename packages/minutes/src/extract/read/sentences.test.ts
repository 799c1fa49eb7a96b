import { describe, expect, it } from 'vitest'
import { clauses, sentences } from './sentences.ts'

describe('sentences', () => {
  it('splits at full stops, question and exclamation marks, keeping offsets', () => {
    const text = 'Rents rose again. Can we meet the landlord? Yes!  Maya will call.'
    const spans = sentences(text)
    expect(spans.map((s) => s.text)).toEqual([
      'Rents rose again.',
      'Can we meet the landlord?',
      'Yes!',
      'Maya will call.',
    ])
    for (const span of spans) expect(text.slice(span.start, span.end)).toBe(span.text)
  })

  it('does not split after abbreviations or inside decimals', () => {
    expect(sentences('Dr. Shah spoke, e.g. on damp. Costs rose 2.5 per cent.')).toHaveLength(2)
  })

  it('splits a sentence at semicolons into clauses', () => {
    const [sentence] = sentences('Turnout was low; SP to phone round.')
    expect(clauses(sentence!).map((c) => c.text)).toEqual(['Turnout was low', 'SP to phone round.'])
    expect(clauses(sentence!)[1]!.start).toBe(17)
  })

  it('returns nothing for blank text', () => {
    expect(sentences('   ')).toEqual([])
  })
})
