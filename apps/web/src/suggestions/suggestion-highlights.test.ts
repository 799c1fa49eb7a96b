import { loadEnglish, type Language } from '@accord/minutes/language'
import type { Editor } from '@tiptap/core'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { LanguageLoader } from './language-loader.ts'
import { highlightPlugin } from './suggestion-highlights.ts'
import { SuggestionReview } from './suggestion-review.ts'
import { facts, markdownDoc, STRONG_SENTENCE } from './testing.ts'

// The plugin's view needs no DOM: a state it applies its own transactions to is enough.
function mount(review: SuggestionReview) {
  const plugin = highlightPlugin({} as Editor, review)
  let state = EditorState.create({ doc: markdownDoc(STRONG_SENTENCE), plugins: [plugin] })
  const view = {
    get state() {
      return state
    },
    dispatch(tr: Transaction) {
      state = state.apply(tr)
    },
  } as unknown as EditorView
  const pluginView = plugin.spec.view!(view)
  return {
    highlighted: () =>
      plugin.getState(state)?.suggestions.map(({ item }) => item.source.text) ?? [],
    destroy: () => pluginView.destroy?.(),
  }
}

beforeEach(() => {
  // Node has no frames: the first paint is the next task.
  vi.stubGlobal('requestAnimationFrame', (task: () => void) => setTimeout(task, 0))
  vi.stubGlobal('cancelAnimationFrame', (id: ReturnType<typeof setTimeout>) => clearTimeout(id))
})
afterEach(() => vi.unstubAllGlobals())

describe('highlightPlugin', () => {
  it('reads the minutes once the model arrives, however its fetch was retried', async () => {
    let attempts = 0
    const fetchOnceFailing = (): Promise<Language> =>
      ++attempts === 1 ? Promise.reject(new TypeError('Failed to fetch')) : loadEnglish()
    const language = new LanguageLoader(fetchOnceFailing)
    const review = new SuggestionReview(new Y.Doc().getMap<string>('dismissed'), facts, language)
    const editor = mount(review)
    try {
      await vi.waitFor(() => expect(language.getStatus()).toBe('failed'))
      expect(editor.highlighted()).toEqual([])
      // As the Structure panel's "Try again" does, with no edit to the minutes in between.
      await language.load()
      await vi.waitFor(() => expect(editor.highlighted()).toEqual([STRONG_SENTENCE]))
    } finally {
      editor.destroy()
    }
  })
})
