import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'

/**
 * Ctrl/Cmd+click on a link opens it in a new tab without a handle on this one
 * (`noopener,noreferrer`), whatever target the link carries: links come from anyone's edits
 * and imported minutes, and a page opened with `window.opener` could redirect the editor's tab.
 */
export const LinkOpener = Extension.create({
  name: 'linkOpener',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('linkOpener'),
        props: {
          handleClick(view, pos, event) {
            if (!(event.ctrlKey || event.metaKey)) return false
            const link = view.state.doc
              .resolve(pos)
              .marks()
              .find((mark) => mark.type.name === 'link')
            const href: unknown = link?.attrs.href
            if (typeof href !== 'string' || !/^(https?:|mailto:)/i.test(href)) return false
            window.open(href, '_blank', 'noopener,noreferrer')
            return true
          },
        },
      }),
    ]
  },
})
