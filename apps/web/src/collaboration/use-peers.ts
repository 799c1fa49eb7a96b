import { useMemo, useSyncExternalStore } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import { isHexColour } from './caret-colour.ts'

export interface Peer {
  clientId: number
  name: string
  /** The organisation's short name, as the server stamps it on every awareness state. */
  organisation: string | null
  colour: string
  isSelf: boolean
}

type Awareness = WebsocketProvider['awareness']

const FALLBACK_COLOUR = '#64748b'

/**
 * Everyone in the meeting's awareness, this browser first. The server stamps name and
 * organisation from each account, but the shapes are still checked before they reach the page.
 */
export function usePeers(provider: WebsocketProvider): Peer[] {
  const store = useMemo(() => peerStore(provider.awareness), [provider])
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

function peerStore(awareness: Awareness) {
  let snapshot: Peer[] = []
  let snapshotKey = ''
  return {
    subscribe(onChange: () => void) {
      awareness.on('change', onChange)
      return () => awareness.off('change', onChange)
    },
    // Awareness also changes on every caret move; reuse the last array unless a name, colour,
    // organisation or person changed, so React re-renders only when the list does.
    getSnapshot(): Peer[] {
      const peers = readPeers(awareness)
      const key = JSON.stringify(peers)
      if (key !== snapshotKey) {
        snapshot = peers
        snapshotKey = key
      }
      return snapshot
    },
  }
}

function readPeers(awareness: Awareness): Peer[] {
  const peers: Peer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    const user: unknown = state['user']
    const { name, organisation, color } = (
      typeof user === 'object' && user !== null ? user : {}
    ) as { name?: unknown; organisation?: unknown; color?: unknown }
    peers.push({
      clientId,
      name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 80) : 'Anonymous',
      organisation:
        typeof organisation === 'string' && organisation.trim() ? organisation.trim() : null,
      colour: isHexColour(color) ? color : FALLBACK_COLOUR,
      isSelf: clientId === awareness.clientID,
    })
  }
  return peers.sort(
    (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'en-GB'),
  )
}
