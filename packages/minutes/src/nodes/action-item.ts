import { mergeAttributes, Node } from '@tiptap/core'
import {
  choiceAttribute,
  dateAttribute,
  idAttribute,
  idListAttribute,
  textAttribute,
} from './attributes.ts'
import { backspaceToParagraph } from './block-keys.ts'

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'dropped'] as const
export type ActionStatus = (typeof ACTION_STATUSES)[number]

/** `owners` holds this alone when the whole coalition owes the action. */
export const ALL_MEMBERS = 'ALL'

/** The attributes of an `actionItem` node (see STRUCTURE.md). */
export interface ActionItemAttrs {
  id: string | null
  /** Organisation ids, or `['ALL']`. */
  owners: string[]
  /** Person id. */
  assignee: string | null
  /** `YYYY-MM-DD`. */
  due: string | null
  /** The date words as typed, e.g. "Friday". */
  dueText: string | null
  status: ActionStatus
  /** The meeting this copy was carried from into "Matters arising"; null where it was raised. */
  carriedFrom: string | null
  /**
   * `YYYY-MM-DD`: the day of the meeting whose minutes first held these words, on a carried
   * copy. Date words in them ("by Friday") are read as of that day, not the day of the meeting
   * holding the copy now; null where the action was raised.
   */
  writtenOn: string | null
}

/** Something an organisation of the coalition has to do: prose, plus who, by when and how far. */
export const ActionItem = Node.create({
  name: 'actionItem',
  group: 'block',
  content: 'inline*',
  defining: true,

  addAttributes() {
    return {
      id: idAttribute(),
      owners: idListAttribute('owners'),
      assignee: textAttribute('assignee'),
      due: dateAttribute('due'),
      dueText: textAttribute('dueText'),
      status: choiceAttribute('status', ACTION_STATUSES, 'open'),
      carriedFrom: { ...textAttribute('carriedFrom'), keepOnSplit: false },
      writtenOn: dateAttribute('writtenOn'),
    }
  },

  parseHTML() {
    return [{ tag: 'div[data-type="action-item"]' }]
  },

  renderHTML({ HTMLAttributes }) {
    return ['div', mergeAttributes({ 'data-type': 'action-item' }, HTMLAttributes), 0]
  },

  addKeyboardShortcuts() {
    return { Backspace: () => backspaceToParagraph(this.editor, this.name) }
  },
})
