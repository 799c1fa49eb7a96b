import { useEffect, useRef } from 'react'
import type { WebsocketProvider } from 'y-websocket'

/**
 * Starts a fresh connection when approved minutes are reopened. While a room is read-only the
 * server drops this client's sync frames without acknowledging them (its step 2 on joining, and
 * any edit sent before the page knew), so the save status of that socket would wait for ever;
 * a new socket's sync starts the count afresh and sends whatever the server still lacks.
 */
export function useReconnectOnReopen(provider: WebsocketProvider, approved: boolean): void {
  const wasApproved = useRef(approved)
  useEffect(() => {
    const reopened = wasApproved.current && !approved
    wasApproved.current = approved
    // Offline, the provider is disconnected on purpose; 'online' will connect it afresh.
    if (!reopened || !provider.shouldConnect) return
    provider.disconnect()
    provider.connect()
  }, [provider, approved])
}
