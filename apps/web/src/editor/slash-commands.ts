import type { StructuredNodeType } from '@accord/minutes/nodes'
import { Extension } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import { Suggestion } from '@tiptap/suggestion'
import { initialAttributes } from './structured-blocks.ts'
import type { MenuItem, MenuStore } from './suggestion-menu.ts'

export interface SlashItem extends MenuItem {
  type: StructuredNodeType
  /** Words the query may start, besides the label. */
  keywords: string[]
}

const SLASH_ITEMS: SlashItem[] = [
  {
    key: 'action',
    type: 'actionItem',
    label: 'Action',
    detail: 'Who does what, by when',
    keywords: ['action', 'todo', 'task'],
  },
  {
    key: 'ask',
    type: 'ask',
    label: 'Ask',
    detail: 'What we ask of someone outside',
    keywords: ['ask', 'request'],
  },
  {
    key: 'decision',
    type: 'decision',
    label: 'Decision',
    detail: 'What the meeting agreed',
    keywords: ['decision', 'agreed', 'resolved'],
  },
]

/** The commands whose name or a keyword starts with what was typed after `/`. */
export function matchSlashItems(query: string): SlashItem[] {
  const typed = query.trim().toLowerCase()
  return SLASH_ITEMS.filter((item) => item.keywords.some((word) => word.startsWith(typed)))
}

export interface SlashCommandsOptions {
  store: MenuStore<SlashItem> | null
}

/** `/action`, `/ask`, `/decision` turn the block the caret is in into that node. */
export const SlashCommands = Extension.create<SlashCommandsOptions>({
  name: 'slashCommands',

  addOptions() {
    return { store: null }
  },

  addProseMirrorPlugins() {
    const { store } = this.options
    if (!store) return []
    return [
      Suggestion<SlashItem, SlashItem>({
        editor: this.editor,
        pluginKey: new PluginKey('slashCommands'),
        char: '/',
        items: ({ query }) => matchSlashItems(query),
        // Not in code, where a slash is just a slash.
        allow: ({ state, range }) => !state.doc.resolve(range.from).parent.type.spec.code,
        command: ({ editor, range, props }) => {
          const block = editor.state.doc.resolve(range.from).parent
          editor
            .chain()
            .focus()
            .deleteRange(range)
            .setNode(props.type, initialAttributes(props.type, block))
            .run()
        },
        render: store.render,
      }),
    ]
  },
})
