import type { Organisation } from '@accord/coalition'
import type { Editor } from '@tiptap/core'
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore } from 'react'
import { strengthOf, SUGGESTION_LABELS } from './find-suggestions.ts'
import { StrengthBadge } from './StrengthBadge.tsx'
import { SuggestionDetails } from './SuggestionDetails.tsx'
import type { SuggestionReview } from './suggestion-review.ts'

interface SuggestionPopoverProps {
  review: SuggestionReview
  editor: Editor
  organisations: readonly Organisation[]
}

/**
 * The popover of one suggestion, under its first line: what it would record, Accept and
 * Dismiss. A non-modal dialog: Escape (here or in the editor) or a click elsewhere closes it,
 * and focus goes back to the editor after the keyboard.
 */
export function SuggestionPopover({ review, editor, organisations }: SuggestionPopoverProps) {
  const open = useSyncExternalStore(review.popover.subscribe, review.popover.getSnapshot)
  const dialog = useRef<HTMLDivElement>(null)

  useLayoutEffect(() => {
    const element = dialog.current
    const container = element?.offsetParent
    if (!open || !element || !container) return
    const from = Math.min(open.suggestion.item.source.from, editor.state.doc.content.size)
    const caret = editor.view.coordsAtPos(from)
    const box = container.getBoundingClientRect()
    element.style.top = `${caret.bottom - box.top + 6}px`
    element.style.left = `${Math.max(0, caret.left - box.left)}px`
    if (open.focus) element.querySelector('button')?.focus()
  }, [open, editor])

  useEffect(() => {
    if (!open) return
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target as Element | null
      // A click in the editor is the editor's to handle: it may open another suggestion.
      if (!dialog.current?.contains(target) && !editor.view.dom.contains(target)) {
        review.popover.close()
      }
    }
    document.addEventListener('pointerdown', onPointerDown)
    return () => document.removeEventListener('pointerdown', onPointerDown)
  }, [open, editor, review])

  if (!open) return null
  const { suggestion } = open
  const label = SUGGESTION_LABELS[suggestion.kind]
  const strength = strengthOf(suggestion)
  const done = () => {
    review.popover.close()
    editor.commands.focus()
  }

  return (
    <div
      ref={dialog}
      className="suggestion-popover"
      role="dialog"
      aria-label={`${label}, ${strength}`}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        event.preventDefault()
        done()
      }}
    >
      <p className="suggestion-popover__title">
        {label} <StrengthBadge strength={strength} />
      </p>
      <SuggestionDetails suggestion={suggestion} organisations={organisations} />
      <div className="button-row">
        <button
          type="button"
          className="button button--small"
          onClick={() => {
            review.accept(suggestion.item.key)
            done()
          }}
        >
          Accept
        </button>
        <button
          type="button"
          className="button button--small button--secondary"
          onClick={() => {
            review.dismiss(suggestion.item.key)
            done()
          }}
        >
          Dismiss
        </button>
      </div>
    </div>
  )
}
