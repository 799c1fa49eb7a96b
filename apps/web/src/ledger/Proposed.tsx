import type { ReactNode } from 'react'
import './proposed.css'

interface ProposedProps {
  when: boolean
  children: ReactNode
  /** Id for the "(proposed)" note, where a field is described by it (aria-describedby). */
  noteId?: string
}

/**
 * A value read from an action's words and not yet confirmed: "ALC (proposed)", in words (read
 * out too), not by style alone. Every surface marks a proposal with it – the editor's action
 * header, the side panel, the tracker and the organisation page – so they all look alike.
 */
export function Proposed({ when, children, noteId }: ProposedProps) {
  if (!when) return <>{children}</>
  return (
    <span className="proposed">
      {children}{' '}
      <span id={noteId} className="proposed__note">
        (proposed)
      </span>
    </span>
  )
}
