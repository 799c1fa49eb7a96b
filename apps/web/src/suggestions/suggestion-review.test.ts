import { loadEnglish, type Language } from '@accord/minutes/language'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LanguageLoader } from './language-loader.ts'
import { SuggestionReview } from './suggestion-review.ts'
import { facts, markdownDoc, STRONG_SENTENCE } from './testing.ts'

function review(language = new LanguageLoader()) {
  const doc = new Y.Doc()
  return new SuggestionReview(doc.getMap<string>('dismissed'), facts, language)
}

describe('SuggestionReview', () => {
  it('records a dismissal in the Y.Map with the time, and hands the keys to the extractor', () => {
    const subject = review()
    subject.dismiss('action:abc', new Date('2025-03-04T10:00:00Z'))
    expect(subject.dismissed.get('action:abc')).toBe('2025-03-04T10:00:00.000Z')
    expect(subject.context().dismissed).toEqual(['action:abc'])
  })

  it('closes the popover when dismissing', () => {
    const subject = review()
    subject.popover.show(
      {
        kind: 'decision',
        item: {
          key: 'k',
          origin: 'suggested',
          text: 't',
          confidence: 0.7,
          source: { from: 1, to: 2, text: 't' },
          reason: '',
        },
      },
      false,
    )
    subject.dismiss('k')
    expect(subject.popover.getSnapshot()).toBeNull()
  })

  it('reads nothing until the language model has loaded, then keeps what it read', async () => {
    const subject = review()
    const doc = markdownDoc(STRONG_SENTENCE)
    expect(subject.read(doc)).toBeNull()
    expect(subject.extraction.getCounts()).toEqual({ strong: 0, weak: 0 })
    await subject.language.load()
    const extraction = subject.read(doc)
    expect(extraction?.actions.map((a) => [a.origin, a.owners])).toEqual([['suggested', ['alc']]])
    expect(subject.extraction.getCounts()).toEqual({ strong: 1, weak: 0 })
  })

  it('makes one extractor per context: a dismissal or new facts make the next', async () => {
    const subject = review()
    await subject.language.load()
    const first = subject.extractor()
    expect(subject.extractor()).toBe(first)
    subject.dismiss('action:abc')
    const second = subject.extractor()
    expect(second).not.toBe(first)
    subject.setFacts({ ...facts, coalitionName: 'Northshire Care Coalition' })
    expect(subject.extractor()).not.toBe(second)
  })

  it('accepts and confirms nothing without an editor', async () => {
    const subject = review()
    await subject.language.load()
    expect(subject.accept('k')).toBe(false)
    expect(subject.planAcceptAll()).toBeNull()
    expect(subject.acceptAll()).toEqual({ status: 'nothing' })
    expect(subject.confirmProposal('a1', { owners: ['alc'] })).toBe(false)
  })
})

describe('LanguageLoader', () => {
  it('loads the model once, however often it is asked for', async () => {
    const loader = new LanguageLoader()
    expect([loader.getStatus(), loader.current()]).toEqual(['idle', null])
    const [a, b] = await Promise.all([loader.load(), loader.load()])
    expect(a).toBe(b)
    expect(loader.current()).toBe(a)
    expect(loader.getStatus()).toBe('ready')
    expect(a.analyse('ALC will circulate it.').tokens.length).toBeGreaterThan(3)
  })

  it('says it failed when the model cannot be fetched, and fetches again when next asked', async () => {
    let attempts = 0
    // The chunk failing to arrive (a deploy replaced it, the network dropped) is what the
    // browser sees as a rejected import.
    const fetchOnceFailing = (): Promise<Language> =>
      ++attempts === 1
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : loadEnglish()
    const loader = new LanguageLoader(fetchOnceFailing)
    const statuses: string[] = []
    loader.subscribe(() => statuses.push(loader.getStatus()))
    await expect(loader.load()).rejects.toThrow('Failed to fetch')
    expect(loader.current()).toBeNull()
    await loader.load()
    expect(statuses).toEqual(['loading', 'failed', 'loading', 'ready'])
    expect(attempts).toBe(2)
  })
})
