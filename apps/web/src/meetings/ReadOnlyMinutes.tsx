import type { Organisation } from '@accord/coalition'
import { minutesExtensions } from '@accord/minutes'
import { Node, type AnyExtension, type JSONContent } from '@tiptap/core'
import {
  EditorContent,
  ReactNodeViewRenderer,
  useEditor,
  type ReactNodeViewProps,
} from '@tiptap/react'
import { useCallback, useMemo, useState, type ComponentType } from 'react'
import { useApi } from '../api/use-api.ts'
import { ActionItemView } from '../editor/ActionItemView.tsx'
import { AskView } from '../editor/AskView.tsx'
import { DecisionView } from '../editor/DecisionView.tsx'
import { LinkOpener } from '../editor/link-opener.ts'
import { MinutesContext } from '../editor/minutes-context.ts'
import { getStructure } from '../structure/api.ts'
import { fixedProposals, mentionLabels, versionProposals } from './version-proposals.ts'

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
  meetingId: string
  /** ProseMirror JSON of the minutes' shared schema, as the server stored it. */
  content: JSONContent
  organisations: readonly Organisation[]
  meetingDate: string
}

/**
 * Minutes as a stored version holds them: the shared schema with the editor's node views, not
 * editable and with no collaboration – nothing here can reach the live document. Action nodes
 * unchanged since show the owners and dates the stored structure read from their words as
 * proposed, as the editor, the tracker and this version's exports do.
 */
export function ReadOnlyMinutes({
  meetingId,
  content,
  organisations,
  meetingDate,
}: ReadOnlyMinutesProps) {
  const [extensions] = useState(readOnlyExtensions)
  const editor = useEditor({ extensions, content, editable: false, editorProps }, [content])
  const loadStructure = useCallback(
    (signal: AbortSignal) => getStructure(meetingId, signal),
    [meetingId],
  )
  // Until it loads, or if it cannot, the version shows what its nodes set, as before.
  const { state: structure } = useApi(loadStructure)
  const proposals = useMemo(
    () =>
      structure.status === 'ready'
        ? fixedProposals(
            versionProposals(structure.value.actions, content, mentionLabels(organisations)),
          )
        : null,
    [structure, content, organisations],
  )
  const context = useMemo(
    () => ({ organisations, meetingDate, editable: false, extraction: proposals }),
    [organisations, meetingDate, proposals],
  )
  return (
    <MinutesContext value={context}>
      <div className="document">
        <EditorContent editor={editor} className="document__page" />
      </div>
    </MinutesContext>
  )
}
