import type { SuggestionKeyDownProps, SuggestionMount, SuggestionProps } from '@tiptap/suggestion'

/** One row of a suggestion menu. */
export interface MenuItem {
  key: string
  label: string
  /** Shown after the label, muted: a full name, a description. */
  detail?: string
}

export interface MenuState<I extends MenuItem> {
  items: readonly I[]
  /** Index of the highlighted item. */
  active: number
  choose: (item: I) => void
  mount: SuggestionMount
}

/**
 * The state of one suggestion menu (`@` or `/`), fed by @tiptap/suggestion's render hooks and
 * read by React through useSyncExternalStore. Focus stays in the editor the whole time, so the
 * keys arrive here: arrows move, Enter or Tab chooses, Escape closes (the plugin then forgets
 * the query too). With nothing to choose, Enter is left to the editor and starts a new line.
 */
export class MenuStore<I extends MenuItem> {
  private state: MenuState<I> | null = null
  private readonly listeners = new Set<() => void>()

  /** `id` of the listbox: the editor points aria-activedescendant into it. */
  constructor(readonly id: string) {}

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): MenuState<I> | null => this.state

  optionId(index: number): string {
    return `${this.id}-option-${index}`
  }

  /** For Suggestion's `render` option. */
  render = () => ({
    onStart: (props: SuggestionProps<I, I>) => this.show(props),
    onUpdate: (props: SuggestionProps<I, I>) => this.show(props),
    onExit: () => this.set(null),
    onKeyDown: ({ event }: SuggestionKeyDownProps) => this.keyDown(event),
  })

  highlight(index: number): void {
    if (this.state) this.set({ ...this.state, active: index })
  }

  choose(index: number): void {
    const item = this.state?.items[index]
    if (this.state && item) this.state.choose(item)
  }

  private show({ items, command, mount }: SuggestionProps<I, I>): void {
    // A new query starts from the best match again.
    this.set({ items, active: 0, choose: command, mount })
  }

  private keyDown(event: KeyboardEvent): boolean {
    const state = this.state
    if (!state) return false
    if (event.key === 'Escape') {
      this.set(null)
      return true
    }
    const count = state.items.length
    if (count === 0) return false
    switch (event.key) {
      case 'ArrowDown':
        this.highlight((state.active + 1) % count)
        return true
      case 'ArrowUp':
        this.highlight((state.active - 1 + count) % count)
        return true
      case 'Home':
        this.highlight(0)
        return true
      case 'End':
        this.highlight(count - 1)
        return true
      case 'Enter':
      case 'Tab':
        this.choose(state.active)
        return true
      default:
        return false
    }
  }

  private set(state: MenuState<I> | null): void {
    this.state = state
    for (const listener of this.listeners) listener()
  }
}
