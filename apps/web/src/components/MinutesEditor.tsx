import { MINUTES_FIELD, minutesExtensions } from '@accord/minutes'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type { CollaborationSession } from '../collaboration/session.ts'

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
}

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
export function MinutesEditor({ session, user, editable }: MinutesEditorProps) {
  // Fixed for the editor's life: handing useEditor new extension objects would make it reapply
  // its options on every render. A new name reaches the caret through updateUser below.
  const [extensions] = useState(() => [
    ...minutesExtensions(),
    Collaboration.configure({ document: session.doc, field: MINUTES_FIELD }),
    CollaborationCaret.configure({ provider: session.provider, user }),
  ])
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
  }, [editor, editable])

  return (
    <div className="document">
      <EditorContent editor={editor} className="document__page" />
      {editable && (
        <p className="document__hint">
          Start a line with <kbd>#</kbd> for a heading, <kbd>-</kbd> for a bullet or <kbd>1.</kbd>{' '}
          for a numbered list. Bold with <kbd>Ctrl</kbd>+<kbd>B</kbd>.
        </p>
      )}
    </div>
  )
}
