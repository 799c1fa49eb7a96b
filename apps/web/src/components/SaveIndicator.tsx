import type { SaveStatus } from '@accord/sync/client'
import { useSaved } from '../collaboration/use-saved.ts'

export function SaveIndicator({ saveStatus }: { saveStatus: SaveStatus }) {
  const saved = useSaved(saveStatus)
  return (
    <span
      className={`save-status ${saved ? 'save-status--saved' : 'save-status--saving'}`}
      data-testid="save-status"
      aria-live="polite"
    >
      {saved ? 'All changes saved' : 'Saving…'}
    </span>
  )
}
