import type { Organisation } from '@accord/coalition'
import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import type * as Y from 'yjs'
import { acceptSuggestions } from '@accord/minutes/suggestions'
import {
  findSuggestions,
  type MeetingPerson,
  type Suggestion,
  type SuggestionContext,
} from './find-suggestions.ts'
import { PopoverStore } from './popover-store.ts'

export interface MeetingFacts {
  meetingDate: string
  organisations: readonly Organisation[]
  people: readonly MeetingPerson[]
}

/** Accepting all at once repeats at most this often: each pass may reveal what overlapped. */
const MAX_PASSES = 5

/**
 * Accepting and dismissing suggestions, shared by the editor's popover and the side panel so
 * both do exactly the same. Each action reads the suggestions afresh from the editor's current
 * document and finds the one asked for by key: positions the panel or popover saw may be stale.
 * Dismissals go into the Y.Map `dismissed` (key → ISO time), which reaches every editor and
 * the server.
 */
export class SuggestionReview {
  readonly popover = new PopoverStore()
  private editor: Editor | null = null

  constructor(
    readonly dismissed: Y.Map<string>,
    private facts: MeetingFacts,
  ) {}

  setFacts(facts: MeetingFacts): void {
    this.facts = facts
  }

  context(): SuggestionContext {
    return { ...this.facts, dismissed: [...this.dismissed.keys()] }
  }

  /** The editor to act on, while it is mounted. */
  attach(editor: Editor): () => void {
    this.editor = editor
    return () => {
      if (this.editor === editor) this.editor = null
      this.popover.close()
    }
  }

  suggestions(): Suggestion[] {
    const editor = this.editor
    return editor ? findSuggestions(editor.state.doc, this.context()) : []
  }

  /** Turns the suggestion into its node; false when it is no longer in the minutes. */
  accept(key: string): boolean {
    const suggestion = this.suggestions().find(({ item }) => item.key === key)
    return suggestion ? this.apply([suggestion]) : false
  }

  /** Accepts every suggestion, in one undo step; answers whether anything changed. */
  acceptAll(): boolean {
    const editor = this.editor
    if (!editor?.isEditable) return false
    const tr = editor.state.tr
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      if (!acceptSuggestions(tr, findSuggestions(tr.doc, this.context()))) break
    }
    return this.dispatch(tr)
  }

  dismiss(key: string, now = new Date()): void {
    this.popover.close()
    this.dismissed.set(key, now.toISOString())
  }

  private apply(suggestions: Suggestion[]): boolean {
    const editor = this.editor
    if (!editor?.isEditable) return false
    const tr = editor.state.tr
    acceptSuggestions(tr, suggestions)
    return this.dispatch(tr)
  }

  private dispatch(tr: Transaction): boolean {
    if (!tr.docChanged || !this.editor) return false
    this.popover.close()
    this.editor.view.dispatch(tr)
    return true
  }
}
