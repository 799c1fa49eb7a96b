import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { MessageType } from '@accord/sync'

/**
 * How a server is spoken to: y-websocket's protocol (Accord and the reference server, one room
 * per socket, the room in the URL) or Hocuspocus's own (every message tagged with the document
 * name), each driven by its own provider as a real client would.
 */
export type Protocol = 'y-websocket' | 'hocuspocus'

/** Where the load generator connects: the server's URL and the protocol it speaks. */
export interface Endpoint {
  syncUrl: string
  protocol: Protocol
}

export interface BenchClient {
  doc: Y.Doc
  text: Y.Text
  awareness: Awareness
  /** Set for y-websocket clients: Accord's acknowledgements are read off it (acks.ts). */
  yWebsocket?: WebsocketProvider
  /** Resolves once the client has the server's document (the sync handshake is done). */
  synced(): Promise<void>
  destroy(): void
}

/** Counts socket trouble across every client until `stop()`, when the bench closes them itself. */
export class ConnectionHealth {
  readonly closes: Record<string, number> = {}
  errors = 0
  private stopped = false

  closed(code: number | string | undefined): void {
    if (this.stopped) return
    const key = String(code ?? 'closed by client')
    this.closes[key] = (this.closes[key] ?? 0) + 1
  }

  error(): void {
    if (!this.stopped) this.errors++
  }

  stop(): void {
    this.stopped = true
  }
}

/** A client in Node, as the brief for real clients says: `ws` for the socket, no BroadcastChannel. */
export function connectClient(
  endpoint: Endpoint,
  room: string,
  health: ConnectionHealth,
  headers: Record<string, string> = {},
  doc = new Y.Doc(),
): BenchClient {
  return endpoint.protocol === 'hocuspocus'
    ? connectHocuspocus(endpoint.syncUrl, room, health, doc)
    : connectYWebsocket(endpoint.syncUrl, room, health, headers, doc)
}

function connectYWebsocket(
  syncUrl: string,
  room: string,
  health: ConnectionHealth,
  headers: Record<string, string>,
  doc: Y.Doc,
): BenchClient {
  class WebSocketWithHeaders extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
  const provider = new WebsocketProvider(syncUrl, room, doc, {
    WebSocketPolyfill: WebSocketWithHeaders as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  })
  // Accord acknowledges every client's content frames; readers take no interest in them, and
  // y-websocket logs an error for a message type it has no handler for.
  provider.messageHandlers[MessageType.Saved] = () => {}
  provider.on('connection-close', (event) => health.closed(event?.code))
  provider.on('connection-error', () => health.error())
  return {
    doc,
    text: doc.getText('text'),
    awareness: provider.awareness,
    yWebsocket: provider,
    synced: () =>
      waitFor(provider.synced, (resolve) => {
        const onSync = (synced: boolean) => {
          if (!synced) return
          provider.off('sync', onSync)
          resolve()
        }
        provider.on('sync', onSync)
      }),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

function connectHocuspocus(
  syncUrl: string,
  room: string,
  health: ConnectionHealth,
  doc: Y.Doc,
): BenchClient {
  // One socket per client, as one browser tab would have.
  const socket = new HocuspocusProviderWebsocket({ url: syncUrl, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: room, document: doc })
  provider.attach()
  provider.on('close', ({ event }: { event: { code?: number } }) => health.closed(event?.code))
  return {
    doc,
    text: doc.getText('text'),
    awareness: provider.awareness!,
    synced: () =>
      waitFor(provider.isSynced, (resolve) => {
        const onSynced = () => {
          provider.off('synced', onSynced)
          resolve()
        }
        provider.on('synced', onSynced)
      }),
    destroy() {
      provider.destroy()
      socket.destroy()
      doc.destroy()
    },
  }
}

function waitFor(done: boolean, listen: (resolve: () => void) => void): Promise<void> {
  return done ? Promise.resolve() : new Promise<void>((resolve) => listen(resolve))
}
