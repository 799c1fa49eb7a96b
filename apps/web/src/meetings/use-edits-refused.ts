import { useEffect, useEffectEvent } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { onEditsRefused } from './edits-refused.ts'

/** Calls `listener` while mounted whenever the sync server refuses this provider's edits. */
export function useEditsRefused(provider: WebsocketProvider, listener: () => void): void {
  const refused = useEffectEvent(listener)
  useEffect(() => onEditsRefused(provider, () => refused()), [provider])
}
