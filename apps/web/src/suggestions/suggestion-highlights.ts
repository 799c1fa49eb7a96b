import { Extension, type Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { findSuggestions, SUGGESTION_LABELS, type Suggestion } from './find-suggestions.ts'
import type { SuggestionReview } from './suggestion-review.ts'

/** Quiet time after a change before the extractor runs again. */
export const DEBOUNCE_MS = 250

interface HighlightState {
  suggestions: Suggestion[]
  decorations: DecorationSet
}

const highlightKey = new PluginKey<HighlightState>('suggestionHighlights')

export interface SuggestionHighlightsOptions {
  review: SuggestionReview | null
}

/**
 * Runs the extractor in the browser a moment after each change (or a dismissal) and
 * highlights what it suggests: decorations only, never written to the shared document. A click
 * on a highlight opens its popover; Alt+Enter with the caret in one opens it and moves focus
 * into it. Observers (editor not editable) see nothing.
 */
export const SuggestionHighlights = Extension.create<SuggestionHighlightsOptions>({
  name: 'suggestionHighlights',

  addOptions() {
    return { review: null }
  },

  addKeyboardShortcuts() {
    const { review } = this.options
    return {
      'Alt-Enter': ({ editor }) => {
        const suggestion = review && editor.isEditable && suggestionAt(editor.state)
        if (!suggestion) return false
        review.popover.show(suggestion, true)
        return true
      },
      Escape: () => {
        if (!review?.popover.getSnapshot()) return false
        review.popover.close()
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    const { review } = this.options
    return review ? [highlightPlugin(this.editor, review)] : []
  },
})

function highlightPlugin(editor: Editor, review: SuggestionReview): Plugin<HighlightState> {
  return new Plugin<HighlightState>({
    key: highlightKey,
    state: {
      init: () => ({ suggestions: [], decorations: DecorationSet.empty }),
      apply(tr, value) {
        const found = tr.getMeta(highlightKey) as Suggestion[] | undefined
        if (found) return { suggestions: found, decorations: decorate(tr.doc, found) }
        if (!tr.docChanged) return value
        return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
      },
    },
    props: {
      decorations: (state) =>
        editor.isEditable ? highlightKey.getState(state)?.decorations : DecorationSet.empty,
      handleClick: (view, pos) => {
        if (!editor.isEditable) return false
        const suggestion = suggestionAt(view.state, pos)
        if (suggestion) review.popover.show(suggestion, false)
        else review.popover.close()
        // The caret still goes where the person clicked: they may have meant to edit.
        return false
      },
    },
    view(view) {
      let timer: ReturnType<typeof setTimeout> | undefined
      const run = () => {
        timer = undefined
        const suggestions = findSuggestions(view.state.doc, review.context())
        view.dispatch(
          view.state.tr.setMeta(highlightKey, suggestions).setMeta('addToHistory', false),
        )
        const open = review.popover.getSnapshot()
        if (open && !suggestions.some(({ item }) => item.key === open.suggestion.item.key)) {
          review.popover.close()
        }
      }
      const schedule = (delay: number) => {
        clearTimeout(timer)
        timer = setTimeout(run, delay)
      }
      const onDismissed = () => schedule(0)
      review.dismissed.observe(onDismissed)
      schedule(0)
      return {
        update(next, previous) {
          if (next.state.doc !== previous.doc) schedule(DEBOUNCE_MS)
        },
        destroy() {
          clearTimeout(timer)
          review.dismissed.unobserve(onDismissed)
        },
      }
    },
  })
}

function decorate(doc: ProseMirrorNode, suggestions: readonly Suggestion[]): DecorationSet {
  const size = doc.content.size
  const decorations = suggestions
    .filter(({ item }) => item.source.from < item.source.to && item.source.to <= size)
    .map(({ kind, item }) =>
      Decoration.inline(
        item.source.from,
        item.source.to,
        {
          class: `suggestion suggestion--${kind}`,
          'data-suggestion-key': item.key,
          title: `${SUGGESTION_LABELS[kind]}: click, or press Alt+Enter, to review`,
        },
        { key: item.key },
      ),
    )
  return DecorationSet.create(doc, decorations)
}

/** The suggestion highlighted at `pos` (default: the caret). */
export function suggestionAt(state: EditorState, pos = state.selection.head): Suggestion | null {
  const highlights = highlightKey.getState(state)
  if (!highlights) return null
  for (const decoration of highlights.decorations.find(pos, pos)) {
    const key = (decoration.spec as { key?: string }).key
    const suggestion = highlights.suggestions.find(({ item }) => item.key === key)
    if (suggestion) return suggestion
  }
  return null
}
