import type { AddressInfo } from 'node:net'
import { WebSocket, WebSocketServer } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { SaveStatus } from '../client/save-status.ts'
import { StructureChanges } from '../client/structure-changes.ts'
import type { ConnectionOptions } from '../connection.ts'
import { CloseCode } from '../protocol.ts'
import { RoomServer, type RoomServerOptions } from '../room-server.ts'
import { MemoryStore, type DocumentStore } from '../store.ts'

/**
 * A room server behind a real `ws` websocket server on 127.0.0.1, port 0. Tests of the
 * protocol use it with real y-websocket clients; apps/server wires the same RoomServer to Hono.
 */
export async function startHarness<Store extends DocumentStore = MemoryStore>(
  options: Partial<Omit<RoomServerOptions, 'store'>> & {
    store?: Store
    /** Who each connection is, from its URL's query (`?readOnly&name=…` in tests). */
    connectionOptions?: (query: URLSearchParams) => ConnectionOptions
  } = {},
) {
  const store = options.store ?? (new MemoryStore() as DocumentStore as Store)
  const rooms = new RoomServer({ ...options, store })
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    // Twice the room server's limit, so the room server's own size check is what tests meet.
    maxPayload: 2 * (options.maxMessageBytes ?? 2 * 1024 * 1024),
  })
  wss.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'http://x')
    const room = decodeURIComponent(url.pathname.slice(1))
    const handle = rooms.connect(
      room,
      {
        send: (message) => socket.readyState === socket.OPEN && socket.send(message),
        close: (code, reason) => socket.close(code, reason),
        pause: () => socket.pause(),
        resume: () => socket.resume(),
      },
      options.connectionOptions?.(url.searchParams),
    )
    socket.on('message', (data: Buffer, isBinary) => {
      if (!isBinary) return socket.close(CloseCode.UnsupportedData, 'binary frames only')
      handle.receive(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
    })
    socket.on('close', () => handle.closed())
    socket.on('error', () => socket.terminate())
  })
  await new Promise<void>((resolve) => wss.once('listening', resolve))
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`
  const clients: Client[] = []

  return {
    url,
    rooms,
    store,
    client(room: string, doc = new Y.Doc(), params?: Record<string, string>) {
      const client = connectClient(url, room, doc, params)
      clients.push(client)
      return client
    },
    async close() {
      for (const client of clients) client.destroy()
      await rooms.close()
      for (const socket of wss.clients) socket.terminate()
      await new Promise((resolve) => wss.close(resolve))
    },
  }
}

export type Client = ReturnType<typeof connectClient>

/**
 * A real y-websocket client in Node, with Accord's save status and structure changes attached:
 * it handles every message type the server sends, as the web client does.
 */
export function connectClient(
  serverUrl: string,
  room: string,
  doc = new Y.Doc(),
  params?: Record<string, string>,
  /** Sent with the upgrade request, e.g. a session cookie and an Origin. */
  headers?: Record<string, string>,
) {
  const provider = new WebsocketProvider(serverUrl, room, doc, {
    WebSocketPolyfill: (headers
      ? withHeaders(headers)
      : WebSocket) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    ...(params ? { params } : {}),
  })
  const saveStatus = new SaveStatus(provider)
  const structure = new StructureChanges(provider)
  return {
    doc,
    provider,
    saveStatus,
    structure,
    text: doc.getText('text'),
    synced: () => waitFor(() => provider.synced),
    saved: () => waitFor(() => saveStatus.saved && provider.synced),
    destroy() {
      saveStatus.destroy()
      structure.destroy()
      provider.destroy()
      doc.destroy()
    },
  }
}

function withHeaders(headers: Record<string, string>) {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }
}

/** Polls until the condition holds; fails with the message after the timeout. */
export async function waitFor(
  condition: () => boolean,
  { timeout = 5000, message = 'condition not met' } = {},
): Promise<void> {
  const deadline = Date.now() + timeout
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeout} ms: ${message}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
