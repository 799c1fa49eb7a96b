import type { SaveStatus } from '@accord/sync/client'
import { useCallback, useSyncExternalStore } from 'react'

/** Whether the server has committed every local edit, as SaveStatus reports it. */
export function useSaved(saveStatus: SaveStatus): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => saveStatus.onChange(() => onChange()),
    [saveStatus],
  )
  return useSyncExternalStore(subscribe, () => saveStatus.saved)
}
