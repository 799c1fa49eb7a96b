import { loadEnglish } from '@accord/minutes/language'
import { beforeAll, describe, expect, it } from 'vitest'
import { ExtractionStore } from './extraction-store.ts'
import { createSuggestionExtractor, type Extract } from './find-suggestions.ts'
import { actionDoc, facts, markdownDoc, STRONG_SENTENCE, WEAK_SENTENCE } from './testing.ts'

let extract: Extract
beforeAll(async () => {
  extract = createSuggestionExtractor({ ...facts, dismissed: [] }, await loadEnglish())
})

describe('ExtractionStore', () => {
  it("holds what an action node's words propose, by the node's id", () => {
    const store = new ExtractionStore()
    expect(store.proposal('a1')).toBeNull()
    store.set(extract(actionDoc('ALC to circulate the paper by Friday')))
    expect(store.proposal('a1')).toEqual({
      owners: ['alc'],
      unknownOwners: [],
      assignee: null,
      due: { due: '2025-03-07', dueText: 'Friday' },
    })
    expect(store.proposal('other')).toBeNull()
  })

  it('proposes nothing for a node whose attributes already say it', () => {
    const store = new ExtractionStore()
    store.set(
      extract(
        actionDoc('ALC to circulate the paper by Friday', {
          owners: ['alc'],
          due: '2025-03-07',
          dueText: 'Friday',
        }),
      ),
    )
    expect(store.proposal('a1')).toBeNull()
  })

  it('keeps a snapshot the same object while its content is unchanged, and tells listeners', () => {
    const store = new ExtractionStore()
    let heard = 0
    store.subscribe(() => heard++)
    const doc = actionDoc('ALC to circulate the paper by Friday')
    store.set(extract(doc))
    const proposal = store.proposal('a1')
    const counts = store.getCounts()
    store.set(extract(doc))
    expect(store.proposal('a1')).toBe(proposal)
    expect(store.getCounts()).toBe(counts)
    expect(heard).toBe(2)
  })

  it('counts strong and weak suggestions', () => {
    const store = new ExtractionStore()
    expect(store.getCounts()).toEqual({ strong: 0, weak: 0 })
    store.set(extract(markdownDoc(`${STRONG_SENTENCE}\n\n${WEAK_SENTENCE}`)))
    expect(store.getCounts()).toEqual({ strong: 1, weak: 1 })
  })
})
