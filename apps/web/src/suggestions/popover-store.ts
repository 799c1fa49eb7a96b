import type { Suggestion } from './find-suggestions.ts'

export interface OpenPopover {
  suggestion: Suggestion
  /** Opened from the keyboard: focus moves into the popover. A click leaves it in the editor. */
  focus: boolean
}

/** Which suggestion's popover is open, read by React through useSyncExternalStore. */
export class PopoverStore {
  private state: OpenPopover | null = null
  private readonly listeners = new Set<() => void>()

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = (): OpenPopover | null => this.state

  show(suggestion: Suggestion, focus: boolean): void {
    this.set({ suggestion, focus })
  }

  close(): void {
    if (this.state) this.set(null)
  }

  private set(state: OpenPopover | null): void {
    this.state = state
    for (const listener of this.listeners) listener()
  }
}
