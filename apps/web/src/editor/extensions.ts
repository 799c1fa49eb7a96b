import type { Organisation } from '@accord/coalition'
import type { AskWriter } from '@accord/minutes/nodes'
import { LinkOpener } from './link-opener.ts'
import { minutesExtensions, MINUTES_FIELD } from '@accord/minutes'
import { structuredNodeIds } from '@accord/minutes/nodes'
import { Node, type AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react'
import type { ComponentType } from 'react'
import type { CollaborationSession } from '../collaboration/session.ts'
import { SuggestionHighlights } from '../suggestions/suggestion-highlights.ts'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import { ActionItemView } from './ActionItemView.tsx'
import { AskGuard } from './ask-guard.ts'
import { AskView } from './AskView.tsx'
import { DecisionView } from './DecisionView.tsx'
import { LineShortcuts } from './line-shortcuts.ts'
import { OrganisationSuggestion, type OrganisationItem } from './organisation-suggestion.ts'
import { SlashCommands, type SlashItem } from './slash-commands.ts'
import type { MenuStore } from './suggestion-menu.ts'

// `dataType` is the node's `data-type` in HTML, kept on the node view's element so that the
// rendered minutes say what each block is (tests and assistive tooling read it).
const NODE_VIEWS: Record<string, { view: ComponentType<ReactNodeViewProps>; dataType: string }> = {
  actionItem: { view: ActionItemView, dataType: 'action-item' },
  ask: { view: AskView, dataType: 'ask' },
  decision: { view: DecisionView, dataType: 'decision' },
}

export interface EditorMenus {
  organisations: MenuStore<OrganisationItem>
  slash: MenuStore<SlashItem>
}

interface EditorExtensionsOptions {
  session: CollaborationSession
  user: { name: string; color: string }
  /** At creation: an observer's editor never writes ids, the server would refuse them. */
  editable: boolean
  organisations: () => readonly Organisation[]
  /** Who is editing, for the ask guard; null leaves asks to the server's judgement. */
  askWriter: AskWriter | null
  menus: EditorMenus
  /** Highlights the extractor's suggestions and opens their popover; none without it. */
  review?: SuggestionReview | null
}

/**
 * The editor's extensions: the shared minutes schema with React node views on its structured
 * nodes (the server keeps the plain schema), ids, the `@` and `/` menus, the line-start
 * shortcuts, the extractor's suggestions, and collaboration.
 */
export function editorExtensions({
  session,
  user,
  editable,
  organisations,
  askWriter,
  menus,
  review = null,
}: EditorExtensionsOptions): AnyExtension[] {
  const schema = minutesExtensions().map((extension) => {
    const nodeView = NODE_VIEWS[extension.name]
    if (!nodeView || !(extension instanceof Node)) return extension
    const attrs = { 'data-type': nodeView.dataType }
    return extension.extend({ addNodeView: () => ReactNodeViewRenderer(nodeView.view, { attrs }) })
  })
  return [
    ...schema,
    structuredNodeIds({ updateDocument: editable }),
    AskGuard.configure({ writer: askWriter }),
    LineShortcuts,
    LinkOpener,
    OrganisationSuggestion.configure({ organisations, store: menus.organisations }),
    SlashCommands.configure({ store: menus.slash }),
    SuggestionHighlights.configure({ review }),
    Collaboration.configure({ document: session.doc, field: MINUTES_FIELD }),
    CollaborationCaret.configure({ provider: session.provider, user }),
  ]
}
