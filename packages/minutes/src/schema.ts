import { getSchema, type AnyExtension } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import type { Schema } from '@tiptap/pm/model'
import { ActionItem } from './nodes/action-item.ts'
import { Ask } from './nodes/ask.ts'
import { Decision } from './nodes/decision.ts'
import { OrganisationMention } from './nodes/organisation-mention.ts'

/**
 * The name of the Y.XmlFragment that holds a meeting's minutes. Tiptap's Collaboration
 * extension calls it `field`; editor and server must agree on it or the server reads nothing.
 */
export const MINUTES_FIELD = 'default'

/**
 * The name of the Y.Map of dismissed suggestions beside the minutes: key → ISO time (see
 * STRUCTURE.md), so a dismissal reaches every editor and the server.
 */
export const DISMISSED_FIELD = 'dismissed'

/**
 * The Tiptap extensions that define what minutes may contain: prose plus the structured nodes
 * of STRUCTURE.md. The editor adds its interactive extensions (collaboration, carets, node
 * views, ids from `structuredNodeIds()`) on top; the server only needs these to build the
 * schema. Undo/redo is off because Yjs' own undo manager replaces it.
 */
export function minutesExtensions(): AnyExtension[] {
  return [
    // Link's own click handler opens pages with window.opener set; the editor opens links itself.
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
    ActionItem,
    Ask,
    Decision,
    OrganisationMention,
  ]
}

let cachedSchema: Schema | undefined

/** The ProseMirror schema of minutes, built once from the shared extensions. */
export function minutesSchema(): Schema {
  cachedSchema ??= getSchema(minutesExtensions())
  return cachedSchema
}
