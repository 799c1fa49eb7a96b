import type { ReactNode } from 'react'
import './proposed.css'

/**
 * A value read from an action's words and not yet confirmed, marked as the editor's node header
 * marks it: "ALC (proposed)", in words (read out too), not by style alone.
 */
export function Proposed({ when, children }: { when: boolean; children: ReactNode }) {
  if (!when) return <>{children}</>
  return (
    <span className="proposed">
      {children} <span className="proposed__note">(proposed)</span>
    </span>
  )
}
