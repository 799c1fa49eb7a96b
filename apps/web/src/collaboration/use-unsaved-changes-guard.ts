import type { SaveStatus } from '@accord/sync/client'
import { useEffect } from 'react'

/** Asks the browser to confirm leaving while edits have not reached the server yet. */
export function useUnsavedChangesGuard(saveStatus: SaveStatus): void {
  useEffect(() => {
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (saveStatus.saved) return
      event.preventDefault()
      // Older browsers only show the prompt when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [saveStatus])
}
