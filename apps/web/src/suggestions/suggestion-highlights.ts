import { Extension, type Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { suggestionsOf } from '@accord/minutes/suggestions'
import { strengthOf, SUGGESTION_LABELS, type Suggestion } from './find-suggestions.ts'
import { afterNextPaint } from './language-loader.ts'
import type { SuggestionReview } from './suggestion-review.ts'
import './suggestions.css'

/** Quiet time after a change before the extractor runs again. */
export const DEBOUNCE_MS = 250

/**
 * The User Timing measure of the latest live pass (reading the minutes after a change), as
 * DevTools' performance panel shows it; only the latest is kept.
 */
export const LIVE_PASS_MEASURE = 'accord:suggestions-pass'

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
 * highlights what it suggests: decorations only, never written to the shared document. Strong
 * and weak suggestions look different (solid and dotted underline, and their titles say which).
 * A click on a highlight opens its popover; Alt+Enter with the caret in one opens it and moves
 * focus into it. Observers (editor not editable) see no highlights, though the reading still
 * feeds the action nodes' proposed owners. The language model is fetched after the editor's
 * first paint; until it is here, nothing is highlighted.
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

/** Exported for its test, which drives the plugin's view without a DOM. */
export function highlightPlugin(editor: Editor, review: SuggestionReview): Plugin<HighlightState> {
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
      let destroyed = false
      const run = () => {
        timer = undefined
        const start = performance.now()
        const extraction = review.read(view.state.doc)
        if (!extraction) return
        const suggestions = suggestionsOf(extraction)
        view.dispatch(
          view.state.tr.setMeta(highlightKey, suggestions).setMeta('addToHistory', false),
        )
        performance.clearMeasures(LIVE_PASS_MEASURE)
        performance.measure(LIVE_PASS_MEASURE, { start, end: performance.now() })
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
      // However the model's fetch was retried (the next change here, the Structure panel's
      // "Try again"), the minutes are read as soon as it is here.
      const stopListening = review.language.subscribe(() => {
        if (review.language.getStatus() === 'ready') schedule(0)
      })
      const loadThenRun = () =>
        review.language.load().then(
          () => {
            if (!destroyed) schedule(0)
          },
          // No suggestions for now: the panel offers to try again, and the next change does.
          () => undefined,
        )
      // The model is fetched once the minutes are on screen; the first reading follows it.
      const cancelLoad = afterNextPaint(loadThenRun)
      return {
        update(next, previous) {
          if (next.state.doc === previous.doc) return
          if (review.language.getStatus() === 'failed') void loadThenRun()
          schedule(DEBOUNCE_MS)
        },
        destroy() {
          destroyed = true
          cancelLoad()
          stopListening()
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
    .map((suggestion) => {
      const { kind, item } = suggestion
      const strength = strengthOf(suggestion)
      return Decoration.inline(
        item.source.from,
        item.source.to,
        {
          class: `suggestion suggestion--${kind} suggestion--${strength}`,
          'data-suggestion-key': item.key,
          'data-strength': strength,
          title: `${SUGGESTION_LABELS[kind]} (${strength}: ${item.reason}): click, or press Alt+Enter, to review`,
        },
        { key: item.key },
      )
    })
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
