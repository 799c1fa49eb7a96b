import type { Organisation } from '@accord/coalition'
import { minutesExtensions, MINUTES_FIELD } from '@accord/minutes'
import { structuredNodeIds } from '@accord/minutes/nodes'
import { Node, type AnyExtension } from '@tiptap/core'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { ReactNodeViewRenderer, type ReactNodeViewProps } from '@tiptap/react'
import type { ComponentType } from 'react'
import type { CollaborationSession } from '../collaboration/session.ts'
import { ActionItemView } from './ActionItemView.tsx'
import { AskView } from './AskView.tsx'
import { DecisionView } from './DecisionView.tsx'
import { LineShortcuts } from './line-shortcuts.ts'
import { OrganisationSuggestion, type OrganisationItem } from './organisation-suggestion.ts'
import { SlashCommands, type SlashItem } from './slash-commands.ts'
import type { MenuStore } from './suggestion-menu.ts'

const NODE_VIEWS: Record<string, ComponentType<ReactNodeViewProps>> = {
  actionItem: ActionItemView,
  ask: AskView,
  decision: DecisionView,
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
  menus: EditorMenus
}

/**
 * The editor's extensions: the shared minutes schema with React node views on its structured
 * nodes (the server keeps the plain schema), ids, the `@` and `/` menus, the line-start
 * shortcuts, and collaboration.
 */
export function editorExtensions({
  session,
  user,
  editable,
  organisations,
  menus,
}: EditorExtensionsOptions): AnyExtension[] {
  const schema = minutesExtensions().map((extension) => {
    const view = NODE_VIEWS[extension.name]
    if (!view || !(extension instanceof Node)) return extension
    return extension.extend({ addNodeView: () => ReactNodeViewRenderer(view) })
  })
  return [
    ...schema,
    structuredNodeIds({ updateDocument: editable }),
    LineShortcuts,
    OrganisationSuggestion.configure({ organisations, store: menus.organisations }),
    SlashCommands.configure({ store: menus.slash }),
    Collaboration.configure({ document: session.doc, field: MINUTES_FIELD }),
    CollaborationCaret.configure({ provider: session.provider, user }),
  ]
}
