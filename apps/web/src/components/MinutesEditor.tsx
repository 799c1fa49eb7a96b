import type { Organisation } from '@accord/coalition'
import type { AskWriter } from '@accord/minutes/nodes'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useId, useMemo, useState } from 'react'
import type { CollaborationSession } from '../collaboration/session.ts'
import { todayIsoDate } from '../dates.ts'
import { editorExtensions, type EditorMenus } from '../editor/extensions.ts'
import { MinutesContext } from '../editor/minutes-context.ts'
import type { OrganisationItem } from '../editor/organisation-suggestion.ts'
import { OrganisationDirectory } from '../editor/organisations.ts'
import type { SlashItem } from '../editor/slash-commands.ts'
import { MenuStore } from '../editor/suggestion-menu.ts'
import { SuggestionMenu } from '../editor/SuggestionMenu.tsx'
import type { SuggestionReview } from '../suggestions/suggestion-review.ts'
import { SuggestionPopover } from '../suggestions/SuggestionPopover.tsx'

/** How this person appears to others: the caret extension's awareness `user`. */
export interface CaretUser {
  name: string
  /** `#rrggbb` */
  color: string
}

interface MinutesEditorProps {
  session: CollaborationSession
  user: CaretUser
  /** False for observers, and once the server has withdrawn access. */
  editable: boolean
  /** The coalition's organisations: offered after `@`, named as owners and supporters. */
  organisations?: readonly Organisation[]
  /** What the person may claim for an ask; without it the editor leaves asks to the server. */
  askWriter?: AskWriter
  /** The meeting's date, `YYYY-MM-DD`: due dates such as "Friday" are read from it. Default today. */
  meetingDate?: string
  /** Suggestions to highlight, accept and dismiss (built on the session's Y.Doc). */
  review?: SuggestionReview
}

const NO_ORGANISATIONS: readonly Organisation[] = []

// Module-level so useEditor sees the same object each render and leaves its options alone.
const attributes = {
  'aria-label': 'Minutes',
  role: 'textbox',
  'aria-multiline': 'true',
  class: 'minutes',
}
const editableProps = { attributes }
const readOnlyProps = { attributes: { ...attributes, 'aria-readonly': 'true' } }

/** The shared minutes, edited by everyone in the meeting at once. */
export function MinutesEditor({
  session,
  user,
  editable,
  organisations = NO_ORGANISATIONS,
  askWriter,
  meetingDate,
  review,
}: MinutesEditorProps) {
  const id = useId()
  const [menus] = useState<EditorMenus>(() => ({
    organisations: new MenuStore<OrganisationItem>(`${id}organisations`),
    slash: new MenuStore<SlashItem>(`${id}commands`),
  }))
  const [directory] = useState(() => new OrganisationDirectory(organisations))
  useEffect(() => directory.replace(organisations), [directory, organisations])
  // Fixed for the editor's life: handing useEditor new extension objects would make it reapply
  // its options on every render. A new name reaches the caret through updateUser below.
  const [extensions] = useState(() =>
    editorExtensions({
      session,
      user,
      editable,
      organisations: directory.list,
      askWriter: askWriter ?? null,
      menus,
      review,
    }),
  )
  const editor = useEditor({
    extensions,
    editable,
    editorProps: editable ? editableProps : readOnlyProps,
  })

  useEffect(() => {
    editor.commands.updateUser({ name: user.name, color: user.color })
  }, [editor, user.name, user.color])

  // A role can change while the page is open; no update event, since nothing in it changed.
  useEffect(() => {
    if (editor.isEditable !== editable) editor.setEditable(editable, false)
    if (!editable) review?.popover.close()
  }, [editor, editable, review])

  useEffect(() => review?.attach(editor), [review, editor])

  const today = todayIsoDate()
  const extraction = review?.extraction ?? null
  const context = useMemo(
    () => ({ organisations, meetingDate: meetingDate ?? today, editable, extraction }),
    [organisations, meetingDate, today, editable, extraction],
  )

  return (
    <MinutesContext value={context}>
      <div className="document">
        <EditorContent editor={editor} className="document__page" />
        <SuggestionMenu
          store={menus.organisations}
          editor={editor}
          label="Organisations"
          emptyText="No organisation of the coalition by that name"
        />
        <SuggestionMenu
          store={menus.slash}
          editor={editor}
          label="Turn this line into"
          emptyText="No such command: try /action, /ask or /decision"
        />
        {review && editable && (
          <SuggestionPopover review={review} editor={editor} organisations={organisations} />
        )}
        {editable && (
          <p className="document__hint">
            Start a line with <kbd>#</kbd> for a heading, <kbd>-</kbd> for a bullet or <kbd>1.</kbd>{' '}
            for a numbered list; with <kbd>Action:</kbd>, <kbd>Ask:</kbd>, <kbd>Decision:</kbd> or{' '}
            <kbd>[ ]</kbd> (or type <kbd>/</kbd>) to record one. Type <kbd>@</kbd> to name an
            organisation. Bold with <kbd>Ctrl</kbd>+<kbd>B</kbd>. Underlined words are suggested
            actions, asks and decisions – a solid line when the text reads clearly as one, dotted
            when it only may: click one, or press <kbd>Alt</kbd>+<kbd>Enter</kbd> in it, to accept
            or dismiss it.
          </p>
        )}
      </div>
    </MinutesContext>
  )
}
