import { NodeViewContent, NodeViewWrapper } from '@tiptap/react'

/** A decision: a label above its text. */
export function DecisionView() {
  return (
    <NodeViewWrapper className="structured structured--decision">
      <div className="structured__header" contentEditable={false}>
        <span className="structured__kind">Decision</span>
      </div>
      <NodeViewContent className="structured__text" />
    </NodeViewWrapper>
  )
}
