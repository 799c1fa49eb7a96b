import { NodeViewContent, NodeViewWrapper, type ReactNodeViewProps } from '@tiptap/react'
import { EditableChip } from './EditableChip.tsx'
import { useMinutesContext } from './minutes-context.ts'
import { organisationNames } from './organisations.ts'
import { askAttrs } from './safe-attrs.ts'

/** An ask: of whom, and who backs it, above its text. */
export function AskView({ node, updateAttributes }: ReactNodeViewProps) {
  const { organisations, editable } = useMinutesContext()
  const attrs = askAttrs(node.attrs)
  const supporters = organisationNames(attrs.supporters, organisations)

  return (
    <NodeViewWrapper className="structured structured--ask">
      <div className="structured__header" contentEditable={false}>
        <span className="structured__kind">Ask</span>
        <EditableChip
          label="Asked of"
          text={attrs.target ? `Of ${attrs.target}` : 'Add who is asked'}
          value={attrs.target ?? ''}
          placeholder="e.g. HM Treasury"
          editable={editable}
          onCommit={(text) => updateAttributes({ target: text.trim() || null })}
        />
        {supporters.length > 0 && (
          <span className="structured__people">Backed by {supporters.join(', ')}</span>
        )}
      </div>
      <NodeViewContent className="structured__text" />
    </NodeViewWrapper>
  )
}
