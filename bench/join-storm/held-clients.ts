/**
 * Join-storm clients: the real providers (y-websocket's WebsocketProvider for Accord and the
 * reference server, Hocuspocus's own provider for Hocuspocus), set up as bench/load/clients.ts
 * does, over a `ws` socket that holds back the messages carrying document content until
 * `release()`.
 *
 * Why: applying the 3 MB document takes a Yjs client 150–300 ms of CPU. Twenty clients in one
 * load-generator process would apply theirs one after another, so the last would "have" the
 * document seconds after it arrived, and every arrival time after the first would be read late
 * (the event loop busy applying). That measures the load generator, not the server; each real
 * user applies their copy on their own machine, in parallel. So during the storm a client only
 * notes when each content message (sync step 2 or update) arrives, with the event loop free;
 * everything else (Hocuspocus's auth, the server's step 1, awareness) goes straight to the
 * provider, so the handshake is the providers' own and the server sees real clients. After the
 * storm the held messages are handed to the provider in order: it applies them, and a client's
 * time is the arrival of the message after which its text had the whole document. The apply
 * time is recorded too (the same cost whatever the server).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MessageType } from '@accord/sync'
import { TEXT_NAME } from '../documents/papers.ts'
import type { ConnectionHealth, Endpoint, Protocol } from '../load/clients.ts'

const SYNC = 0
/** Hocuspocus: a sync message that must not be answered with another step 1. */
const HOCUSPOCUS_SYNC_REPLY = 4
const STEP_2 = 1
const UPDATE = 2

interface Held {
  socket: WebSocket
  args: unknown[]
  at: number
}

export class HeldClient {
  readonly doc = new Y.Doc()
  readonly text = this.doc.getText(TEXT_NAME)
  /** performance.now() when the first sync step 2 arrived (the answer to the client's step 1). */
  step2At = Number.NaN
  /** Arrival of the message after which the text had `expectedLength` characters; NaN before. */
  completeAt = Number.NaN
  /** Whether the completing message came after `release()` (the storm window had ended). */
  completedLive = false
  /** How long the provider took to apply each held content message, in arrival order. */
  readonly applyMs: number[] = []
  private holding = true
  private readonly held: Held[] = []
  private readonly waiting: (() => void)[] = []
  private readonly destroyProvider: () => void

  constructor(
    endpoint: Endpoint,
    room: string,
    headers: Record<string, string>,
    health: ConnectionHealth,
    private readonly expectedLength: number,
  ) {
    const Socket = holdingSocket(this, endpoint.protocol, headers)
    if (endpoint.protocol === 'hocuspocus') {
      const socket = new HocuspocusProviderWebsocket({
        url: endpoint.syncUrl,
        WebSocketPolyfill: Socket,
      })
      const provider = new HocuspocusProvider({
        websocketProvider: socket,
        name: room,
        document: this.doc,
      })
      provider.attach()
      provider.on('close', ({ event }: { event: { code?: number } }) => health.closed(event?.code))
      this.destroyProvider = () => {
        provider.destroy()
        socket.destroy()
      }
    } else {
      const provider = new WebsocketProvider(endpoint.syncUrl, room, this.doc, {
        WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      })
      // Accord acknowledges content frames; y-websocket logs an error for unknown types.
      provider.messageHandlers[MessageType.Saved] = () => {}
      provider.on('connection-close', (event) => health.closed(event?.code))
      provider.on('connection-error', () => health.error())
      this.destroyProvider = () => provider.destroy()
    }
  }

  get complete(): boolean {
    return !Number.isNaN(this.completeAt)
  }

  /** Resolves once a step 2 has arrived (held or not). */
  step2(): Promise<void> {
    return Number.isNaN(this.step2At) ? new Promise((resolve) => this.waiting.push(resolve)) : done
  }

  /** Hands every held message to the provider, in arrival order, and stops holding. */
  release(): void {
    this.holding = false
    for (const { socket, args, at } of this.held.splice(0)) this.deliver(socket, args, at, false)
  }

  destroy(): void {
    this.holding = false
    this.held.length = 0
    this.destroyProvider()
    this.doc.destroy()
  }

  /** From the socket: true if the message was held (or is content delivered now). */
  received(socket: WebSocket, args: unknown[], protocol: Protocol): boolean {
    const syncType = contentSyncType(args[0], protocol)
    if (syncType === null) return false
    const at = performance.now()
    if (syncType === STEP_2 && Number.isNaN(this.step2At)) {
      this.step2At = at
      for (const resolve of this.waiting.splice(0)) resolve()
    }
    if (this.holding) this.held.push({ socket, args, at })
    else this.deliver(socket, args, at, true)
    return true
  }

  private deliver(socket: WebSocket, args: unknown[], at: number, live: boolean): void {
    const start = performance.now()
    // EventEmitter's own emit: past the override below, to the provider's listeners.
    WebSocket.prototype.emit.call(socket, 'message', ...args)
    this.applyMs.push(performance.now() - start)
    if (!this.complete && this.text.length >= this.expectedLength) {
      this.completeAt = at
      this.completedLive = live
    }
  }
}

const done = Promise.resolve()

/** A `ws` WebSocket class whose content messages go through `client.received` first. */
function holdingSocket(client: HeldClient, protocol: Protocol, headers: Record<string, string>) {
  return class HoldingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }

    // ws hands every parsed message to emit('message', data, isBinary); the providers listen
    // through onmessage / addEventListener, both fed from here.
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'message' && client.received(this, args, protocol)) return true
      return super.emit(event, ...args)
    }
  }
}

/** The sync type (step 2 or update) of a message carrying content; null for anything else. */
function contentSyncType(data: unknown, protocol: Protocol): number | null {
  const bytes = asBytes(data)
  if (!bytes) return null
  try {
    const decoder = decoding.createDecoder(bytes)
    // Hocuspocus puts the document's name before every message.
    if (protocol === 'hocuspocus') decoding.readVarString(decoder)
    const type = decoding.readVarUint(decoder)
    if (type !== SYNC && !(protocol === 'hocuspocus' && type === HOCUSPOCUS_SYNC_REPLY)) {
      return null
    }
    const syncType = decoding.readVarUint(decoder)
    return syncType === STEP_2 || syncType === UPDATE ? syncType : null
  } catch {
    return null
  }
}

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  if (data instanceof Uint8Array) return data
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[])
  return null
}
