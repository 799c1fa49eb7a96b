import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType } from '@accord/sync'

export interface BenchClient {
  doc: Y.Doc
  text: Y.Text
  provider: WebsocketProvider
  destroy(): void
}

/** Counts socket trouble across every client until `stop()`, when the bench closes them itself. */
export class ConnectionHealth {
  readonly closes: Record<string, number> = {}
  errors = 0
  private stopped = false

  watch(provider: WebsocketProvider): void {
    provider.on('connection-close', (event) => {
      if (this.stopped) return
      const code = String(event?.code ?? 'closed by client')
      this.closes[code] = (this.closes[code] ?? 0) + 1
    })
    provider.on('connection-error', () => {
      if (!this.stopped) this.errors++
    })
  }

  stop(): void {
    this.stopped = true
  }
}

/** A y-websocket client in Node, as the brief for real clients says: `ws`, no BroadcastChannel. */
export function connectClient(
  syncUrl: string,
  room: string,
  health: ConnectionHealth,
  headers: Record<string, string>,
) {
  const doc = new Y.Doc()
  const text = doc.getText('text')
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
  health.watch(provider)
  const client: BenchClient = {
    doc,
    text,
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
  return client
}

export function whenSynced(client: BenchClient): Promise<void> {
  if (client.provider.synced) return Promise.resolve()
  return new Promise((resolve) => {
    const onSync = (synced: boolean) => {
      if (!synced) return
      client.provider.off('sync', onSync)
      resolve()
    }
    client.provider.on('sync', onSync)
  })
}
