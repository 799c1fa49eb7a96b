import { describe, expect, it } from 'vitest'
import { english } from './english.ts'

describe('English through wink-nlp', () => {
  it('gives every token its offsets in the text, contractions included', () => {
    const text = "Jo: we'll send it\ttoday – and   won't forget."
    const { tokens } = english.analyse(text)
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text)
    expect(tokens.map((t) => t.normal)).toContain('will')
    expect(tokens.find((t) => t.text === "'ll")?.lemma).toBe('will')
  })

  it('cuts sentences, and tags parts of speech and lemmas the rules rely on', () => {
    const analysis = english.analyse('The paper was circulated. TUR will draft the reply.')
    expect(analysis.sentences.map((s) => analysis.text.slice(s.start, s.end))).toEqual([
      'The paper was circulated.',
      'TUR will draft the reply.',
    ])
    const circulated = analysis.tokens.find((t) => t.text === 'circulated')
    expect(circulated).toMatchObject({ pos: 'VERB', lemma: 'circulate' })
    expect(analysis.tokens.find((t) => t.text === 'will')?.pos).toBe('AUX')
  })

  it('reads "I’m" as "I am", sentences and all', () => {
    const analysis = english.analyse('Thanks all. I’m drafting the reply. It goes out soon.')
    const drafting = analysis.tokens.findIndex((t) => t.text === 'drafting')
    expect(analysis.tokens.slice(drafting - 2, drafting + 1)).toMatchObject([
      { text: 'I', pos: 'PRON' },
      { text: '’m', pos: 'AUX', normal: 'am', lemma: 'be' },
      { text: 'drafting', pos: 'VERB' },
    ])
    const [, second, third] = analysis.sentences
    expect(analysis.text.slice(second!.start, second!.end)).toBe('I’m drafting the reply.')
    expect(analysis.tokens[second!.tokenStart]!.text).toBe('I')
    expect(analysis.tokens[third!.tokenStart]!.text).toBe('It')
    expect(analysis.tokens[third!.tokenEnd - 1]!.text).toBe('.')
  })

  it('reads the same paragraph once: a live editor re-reads only what changed', () => {
    const text = 'Ines offered to bring the leaflets on Friday.'
    expect(english.analyse(text)).toBe(english.analyse(text))
  })

  it('copes with empty text and text of no words', () => {
    expect(english.analyse('').tokens).toEqual([])
    expect(english.analyse('— … ¶').sentences.length).toBeLessThanOrEqual(1)
  })
})
