import type { Organisation } from '@accord/coalition'
import { minutesExtensions } from '@accord/minutes'
import { Node, type AnyExtension, type JSONContent } from '@tiptap/core'
import {
  EditorContent,
  ReactNodeViewRenderer,
  useEditor,
  type ReactNodeViewProps,
} from '@tiptap/react'
import { useMemo, useState, type ComponentType } from 'react'
import { ActionItemView } from '../editor/ActionItemView.tsx'
import { AskView } from '../editor/AskView.tsx'
import { DecisionView } from '../editor/DecisionView.tsx'
import { LinkOpener } from '../editor/link-opener.ts'
import { MinutesContext } from '../editor/minutes-context.ts'

// The live editor's node views, so a version looks like the minutes did (owners, due, status).
const NODE_VIEWS: Record<string, { view: ComponentType<ReactNodeViewProps>; dataType: string }> = {
  actionItem: { view: ActionItemView, dataType: 'action-item' },
  ask: { view: AskView, dataType: 'ask' },
  decision: { view: DecisionView, dataType: 'decision' },
}

function readOnlyExtensions(): AnyExtension[] {
  const schema = minutesExtensions().map((extension) => {
    const nodeView = NODE_VIEWS[extension.name]
    if (!nodeView || !(extension instanceof Node)) return extension
    const attrs = { 'data-type': nodeView.dataType }
    return extension.extend({ addNodeView: () => ReactNodeViewRenderer(nodeView.view, { attrs }) })
  })
  return [...schema, LinkOpener]
}

const editorProps = {
  attributes: {
    'aria-label': 'Approved minutes',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-readonly': 'true',
    class: 'minutes',
  },
}

interface ReadOnlyMinutesProps {
  /** ProseMirror JSON of the minutes' shared schema, as the server stored it. */
  content: JSONContent
  organisations: readonly Organisation[]
  meetingDate: string
}

/**
 * Minutes as a stored version holds them: the shared schema with the editor's node views, not
 * editable and with no collaboration – nothing here can reach the live document.
 */
export function ReadOnlyMinutes({ content, organisations, meetingDate }: ReadOnlyMinutesProps) {
  const [extensions] = useState(readOnlyExtensions)
  const editor = useEditor({ extensions, content, editable: false, editorProps }, [content])
  const context = useMemo(
    () => ({ organisations, meetingDate, editable: false }),
    [organisations, meetingDate],
  )
  return (
    <MinutesContext value={context}>
      <div className="document">
        <EditorContent editor={editor} className="document__page" />
      </div>
    </MinutesContext>
  )
}
