import type { Organisation } from '@accord/coalition'
import type { Extraction } from '@accord/minutes/extract'
import type { Language } from '@accord/minutes/language'
import { acceptSuggestions } from '@accord/minutes/suggestions'
import type { Editor } from '@tiptap/core'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import type * as Y from 'yjs'
import { planAcceptAll, samePlan, type AcceptAllPlan } from './accept-all-plan.ts'
import type { ProposedAttributes } from './action-proposals.ts'
import { ExtractionStore } from './extraction-store.ts'
import {
  createSuggestionExtractor,
  findSuggestions,
  type Extract,
  type MeetingPerson,
  type Suggestion,
  type SuggestionContext,
} from './find-suggestions.ts'
import { english, type LanguageLoader } from './language-loader.ts'
import { PopoverStore } from './popover-store.ts'

export interface MeetingFacts {
  meetingDate: string
  organisations: readonly Organisation[]
  people: readonly MeetingPerson[]
  coalitionName?: string
  nextMeetingDate?: string | null
}

export type AcceptAllResult =
  | { status: 'accepted'; plan: AcceptAllPlan<Transaction> }
  /** The minutes changed since the list was shown: this is what would happen now. */
  | { status: 'changed'; plan: AcceptAllPlan<Transaction> }
  /** No editor that edits, no language model yet, or no strong suggestion left. */
  | { status: 'nothing' }

/**
 * Accepting and dismissing suggestions, and confirming an action's proposed owners and date,
 * shared by the editor's popover and node views and the side panel, so they all do exactly
 * the same. Each action reads the minutes afresh from the editor's current document: positions
 * the panel or popover saw may be stale. Dismissals go into the Y.Map `dismissed` (key → ISO
 * time), which reaches every editor and the server.
 */
export class SuggestionReview {
  readonly popover = new PopoverStore()
  /** The latest reading of the minutes, for node views and the panel. */
  readonly extraction = new ExtractionStore()
  private editor: Editor | null = null
  private cached: { language: Language; dismissed: string; extract: Extract } | null = null

  constructor(
    readonly dismissed: Y.Map<string>,
    private facts: MeetingFacts,
    readonly language: LanguageLoader = english,
  ) {}

  setFacts(facts: MeetingFacts): void {
    this.facts = facts
    this.cached = null
  }

  context(): SuggestionContext {
    return { ...this.facts, dismissed: [...this.dismissed.keys()] }
  }

  /** The extractor for the current facts and dismissals; null until the model has loaded. */
  extractor(): Extract | null {
    const language = this.language.current()
    if (!language) return null
    const context = this.context()
    const dismissed = context.dismissed.join('\n')
    if (this.cached?.language !== language || this.cached.dismissed !== dismissed) {
      this.cached = { language, dismissed, extract: createSuggestionExtractor(context, language) }
    }
    return this.cached.extract
  }

  /** Reads `doc` and keeps the result for the node views and the panel; null without a model. */
  read(doc: ProseMirrorNode): Extraction | null {
    const extract = this.extractor()
    if (!extract) return null
    const extraction = extract(doc)
    this.extraction.set(extraction)
    return extraction
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
    const extract = this.extractor()
    return this.editor && extract ? findSuggestions(this.editor.state.doc, extract) : []
  }

  /** Turns the suggestion into its node; false when it is no longer in the minutes. */
  accept(key: string): boolean {
    const suggestion = this.suggestions().find(({ item }) => item.key === key)
    const editor = this.editor
    if (!suggestion || !editor?.isEditable) return false
    const tr = editor.state.tr
    acceptSuggestions(tr, [suggestion])
    return this.dispatch(tr)
  }

  /** What "Accept all" would create now; null when there is no editor or no model yet. */
  planAcceptAll(): AcceptAllPlan<Transaction> | null {
    const extract = this.extractor()
    const editor = this.editor
    if (!extract || !editor?.isEditable) return null
    return planAcceptAll(editor.state.tr, extract)
  }

  /**
   * Accepts every strong suggestion, in one undo step. Given the plan a person confirmed, it
   * acts only if the minutes would still give exactly that: otherwise it answers the new plan.
   */
  acceptAll(confirmed?: { accepted: Suggestion[] }): AcceptAllResult {
    const plan = this.planAcceptAll()
    if (!plan || plan.accepted.length === 0) return { status: 'nothing' }
    if (confirmed && !samePlan(confirmed, plan)) return { status: 'changed', plan }
    return this.dispatch(plan.tr) ? { status: 'accepted', plan } : { status: 'nothing' }
  }

  /**
   * Writes an action's proposed owners and due date into the node whose id is `key`, as its
   * header's Confirm button does; false when no such action is in the minutes.
   */
  confirmProposal(key: string, attributes: ProposedAttributes): boolean {
    const editor = this.editor
    if (!editor?.isEditable || Object.keys(attributes).length === 0) return false
    let found: { node: ProseMirrorNode; pos: number } | null = null
    editor.state.doc.descendants((node, pos) => {
      if (found) return false
      if (node.type.name === 'actionItem' && node.attrs.id === key) found = { node, pos }
      return !node.isTextblock
    })
    if (!found) return false
    const { node, pos } = found as { node: ProseMirrorNode; pos: number }
    const tr = editor.state.tr.setNodeMarkup(pos, undefined, { ...node.attrs, ...attributes })
    return this.dispatch(tr)
  }

  dismiss(key: string, now = new Date()): void {
    this.popover.close()
    this.dismissed.set(key, now.toISOString())
  }

  private dispatch(tr: Transaction): boolean {
    if (!tr.docChanged || !this.editor) return false
    this.popover.close()
    this.editor.view.dispatch(tr)
    return true
  }
}
