import { useCallback, useSyncExternalStore } from 'react'
import type { WebsocketProvider } from 'y-websocket'

export type ConnectionStatus = 'Connected' | 'Reconnecting…' | 'Offline'

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
  const connected = useSyncExternalStore(subscribeProvider, () => provider.wsconnected)

  if (!online) return 'Offline'
  return connected ? 'Connected' : 'Reconnecting…'
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}
