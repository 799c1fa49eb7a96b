import type { SaveStatus } from '@accord/sync/client'
import { useEffect } from 'react'

/**
 * Asks the browser to confirm leaving while edits have not reached the server yet. Off for
 * observers: the server never acknowledges their frames, so they would look unsaved for ever.
 */
export function useUnsavedChangesGuard(saveStatus: SaveStatus, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (saveStatus.saved) return
      event.preventDefault()
      // Older browsers only show the prompt when returnValue is set.
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', onBeforeUnload)
    return () => window.removeEventListener('beforeunload', onBeforeUnload)
  }, [saveStatus, enabled])
}
