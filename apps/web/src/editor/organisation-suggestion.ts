import type { Organisation } from '@accord/coalition'
import { Extension } from '@tiptap/core'
import { PluginKey } from '@tiptap/pm/state'
import { Suggestion } from '@tiptap/suggestion'
import { matchOrganisations } from './organisations.ts'
import type { MenuItem, MenuStore } from './suggestion-menu.ts'

export interface OrganisationItem extends MenuItem {
  id: string
  shortName: string
}

export interface OrganisationSuggestionOptions {
  /** Read on every keystroke, so organisations added while the meeting is open appear. */
  organisations: () => readonly Organisation[]
  store: MenuStore<OrganisationItem> | null
}

function toItem(organisation: Organisation): OrganisationItem {
  return {
    key: organisation.id,
    id: organisation.id,
    shortName: organisation.shortName,
    label: organisation.shortName,
    detail: organisation.name === organisation.shortName ? undefined : organisation.name,
  }
}

/** `@` followed by a name, short name or alias offers the coalition's organisations. */
export const OrganisationSuggestion = Extension.create<OrganisationSuggestionOptions>({
  name: 'organisationSuggestion',

  addOptions() {
    return { organisations: () => [], store: null }
  },

  addProseMirrorPlugins() {
    const { store, organisations } = this.options
    if (!store) return []
    return [
      Suggestion<OrganisationItem, OrganisationItem>({
        editor: this.editor,
        pluginKey: new PluginKey('organisationSuggestion'),
        char: '@',
        // A space ends the query: "@ALC will…" must not keep the menu open. Full names still
        // match by any word ("@poverty").
        items: ({ query }) => matchOrganisations(query, organisations()).map(toItem),
        command: ({ editor, range, props }) => {
          editor
            .chain()
            .focus()
            .insertContentAt(range, [
              { type: 'organisationMention', attrs: { id: props.id, label: props.shortName } },
              { type: 'text', text: ' ' },
            ])
            .run()
        },
        render: store.render,
      }),
    ]
  },
})
