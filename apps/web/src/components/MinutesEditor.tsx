import { MINUTES_FIELD, minutesExtensions } from '@accord/minutes'
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type { CollaborationSession } from '../collaboration/session.ts'
import type { Identity } from '../identity/identity.ts'

interface MinutesEditorProps {
  session: CollaborationSession
  identity: Identity
}

// Module-level so useEditor sees the same object each render and leaves its options alone.
const editorProps = {
  attributes: {
    'aria-label': 'Minutes',
    role: 'textbox',
    'aria-multiline': 'true',
    class: 'minutes',
  },
}

/** The shared minutes, edited by everyone in the meeting at once. */
export function MinutesEditor({ session, identity }: MinutesEditorProps) {
  // Fixed for the editor's life: handing useEditor new extension objects would make it reapply
  // its options on every render. A new name reaches the caret through updateUser below.
  const [extensions] = useState(() => [
    ...minutesExtensions(),
    Collaboration.configure({ document: session.doc, field: MINUTES_FIELD }),
    CollaborationCaret.configure({
      provider: session.provider,
      user: { name: identity.name, color: identity.colour },
    }),
  ])
  const editor = useEditor({
    extensions,
    editorProps,
  })

  useEffect(() => {
    editor.commands.updateUser({ name: identity.name, color: identity.colour })
  }, [editor, identity.name, identity.colour])

  return (
    <div className="document">
      <EditorContent editor={editor} className="document__page" />
      <p className="document__hint">
        Start a line with <kbd>#</kbd> for a heading, <kbd>-</kbd> for a bullet or <kbd>1.</kbd> for
        a numbered list. Bold with <kbd>Ctrl</kbd>+<kbd>B</kbd>.
      </p>
    </div>
  )
}
