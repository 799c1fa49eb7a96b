import { useCallback, useSyncExternalStore } from 'react'
import type { WebsocketProvider } from 'y-websocket'

export type ConnectionStatus = 'Connected' | 'Reconnecting…' | 'Offline' | 'Disconnected'

/** What to tell the person about the connection; the session does the disconnecting itself. */
export function useConnectionStatus(provider: WebsocketProvider): ConnectionStatus {
  const online = useSyncExternalStore(subscribeOnline, () => navigator.onLine)
  const subscribeProvider = useCallback(
    (onChange: () => void) => {
      provider.on('status', onChange)
      return () => provider.off('status', onChange)
    },
    [provider],
  )
  // y-websocket gives up for good after a 44xx close (session ended, access withdrawn): saying
  // "Reconnecting…" then would be a promise nothing keeps.
  const state = useSyncExternalStore(subscribeProvider, () =>
    provider.wsconnected ? 'connected' : provider.shouldConnect ? 'retrying' : 'stopped',
  )

  if (!online) return 'Offline'
  if (state === 'connected') return 'Connected'
  return state === 'retrying' ? 'Reconnecting…' : 'Disconnected'
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}
