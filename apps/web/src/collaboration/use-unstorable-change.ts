import type { SaveStatus } from '@accord/sync/client'
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { watchUnstorableChanges, type Unstorable } from './unstorable-changes.ts'

/** Why the server refuses this browser's changes, while it does; see watchUnstorableChanges. */
export function useUnstorableChange(
  provider: WebsocketProvider,
  saveStatus: SaveStatus,
): Unstorable | null {
  const [unstorable, setUnstorable] = useState<Unstorable | null>(null)
  useEffect(
    () => watchUnstorableChanges(provider, saveStatus, setUnstorable),
    [provider, saveStatus],
  )
  return unstorable
}
