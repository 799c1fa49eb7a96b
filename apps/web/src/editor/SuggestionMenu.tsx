import type { Editor } from '@tiptap/core'
import { useEffect, useRef, useSyncExternalStore } from 'react'
import type { MenuItem, MenuStore } from './suggestion-menu.ts'

interface SuggestionMenuProps<I extends MenuItem> {
  store: MenuStore<I>
  editor: Editor
  /** The listbox's accessible name, e.g. "Organisations". */
  label: string
  /** Shown when nothing matches what was typed. */
  emptyText: string
}

/**
 * The popup of a suggestion (`@` or `/`): a listbox that follows the caret. Focus stays in the
 * editor, which points at the highlighted option with aria-activedescendant, so a screen
 * reader announces each option as the arrows move.
 */
export function SuggestionMenu<I extends MenuItem>({
  store,
  editor,
  label,
  emptyText,
}: SuggestionMenuProps<I>) {
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot)
  const popup = useRef<HTMLDivElement>(null)
  const mount = state?.mount
  const open = state !== null
  const activeId = state && state.items.length > 0 ? store.optionId(state.active) : null

  // The suggestion plugin keeps the popup next to the caret as the page scrolls or reflows.
  useEffect(() => {
    const element = popup.current
    if (!mount || !element) return
    return mount(element, {
      onPosition: ({ x, y, strategy }) =>
        Object.assign(element.style, { position: strategy, left: `${x}px`, top: `${y}px` }),
    })
  }, [mount])

  useEffect(() => {
    if (!open) return
    const textbox = editor.view.dom
    textbox.setAttribute('aria-controls', store.id)
    textbox.setAttribute('aria-autocomplete', 'list')
    if (activeId) textbox.setAttribute('aria-activedescendant', activeId)
    return () => {
      textbox.removeAttribute('aria-controls')
      textbox.removeAttribute('aria-autocomplete')
      textbox.removeAttribute('aria-activedescendant')
    }
  }, [editor, open, activeId, store.id])

  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' })
  }, [activeId])

  if (!state) return null
  if (state.items.length === 0) {
    return (
      <div ref={popup} id={store.id} className="suggestion-menu" role="status">
        <p className="suggestion-menu__empty">{emptyText}</p>
      </div>
    )
  }
  return (
    <div ref={popup} id={store.id} className="suggestion-menu" role="listbox" aria-label={label}>
      {state.items.map((item, index) => (
        <div
          key={item.key}
          id={store.optionId(index)}
          role="option"
          aria-selected={index === state.active}
          className="suggestion-menu__option"
          // Keeps focus (and the caret) in the editor.
          onMouseDown={(event) => event.preventDefault()}
          onMouseEnter={() => store.highlight(index)}
          onClick={() => store.choose(index)}
        >
          <span className="suggestion-menu__label">{item.label}</span>
          {item.detail && <span className="suggestion-menu__detail">{item.detail}</span>}
        </div>
      ))}
    </div>
  )
}
