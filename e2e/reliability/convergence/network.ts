import type { ConnectionHandle, RoomServer } from '@accord/sync'

/**
 * The one simulated part of the convergence test: the network between real y-websocket
 * providers and a real RoomServer. Nothing moves on its own. Every frame waits in its
 * connection's queue until the test delivers it, so the test (driven by fast-check) decides
 * the delivery order across connections and, when allowed, within one; it can deliver a frame
 * twice, and break a connection, losing whatever was in flight either way.
 */

/** A server-initiated close travels behind the frames sent before it, like a close frame. */
interface CloseFrame {
  close: { code: number; reason: string }
}
type DownFrame = Uint8Array | CloseFrame

type LinkState = 'connecting' | 'open' | 'broken' | 'closed'

/** One websocket connection between a replica and the server. */
export class Link {
  state: LinkState = 'connecting'
  /** Client → server frames in flight. */
  readonly up: Uint8Array[] = []
  /** Server → client frames in flight. */
  readonly down: DownFrame[] = []
  handle: ConnectionHandle | undefined
  /** A broken link: whether each end has seen it close yet. */
  serverNoticed = false
  clientNoticed = false
  /** Frames on this link were delivered out of order; see Network.deliver. */
  reordered = false
  /** The server closed this link: it sends nothing more on it. */
  serverClosed = false

  constructor(
    readonly replica: number,
    readonly socket: SimulatedSocket,
  ) {}
}

/** A queue of frames the test may deliver: one direction of one open link. */
export interface Channel {
  link: Link
  direction: 'up' | 'down'
}

export interface NetworkCounts {
  drops: number
  duplicates: number
  reorders: number
  reconnects: number
  /** Closes the server started; on valid traffic there should be none. */
  serverCloses: { code: number; reason: string }[]
}

export class Network {
  readonly links: Link[] = []
  /** Each replica's newest link. */
  readonly current = new Map<number, Link>()
  readonly counts: NetworkCounts = {
    drops: 0,
    duplicates: 0,
    reorders: 0,
    reconnects: 0,
    serverCloses: [],
  }

  constructor(
    private readonly rooms: RoomServer,
    private readonly docName: string,
  ) {}

  /** The WebSocket class replica `replica`'s provider constructs its sockets with. */
  socketClass(replica: number): typeof globalThis.WebSocket {
    const attach = (socket: SimulatedSocket) => this.attach(replica, socket)
    class ReplicaSocket extends SimulatedSocket {
      constructor() {
        super()
        attach(this)
      }
    }
    return ReplicaSocket as unknown as typeof globalThis.WebSocket
  }

  private attach(replica: number, socket: SimulatedSocket): void {
    const link = new Link(replica, socket)
    socket.link = link
    socket.network = this
    this.links.push(link)
    this.current.set(replica, link)
  }

  /** The server accepts the connection, then the client sees it open. */
  open(link: Link): void {
    if (link.state !== 'connecting') throw new Error(`cannot open a ${link.state} link`)
    link.state = 'open'
    link.handle = this.rooms.connect(this.docName, {
      send: (message) => {
        if (link.state === 'open' && !link.serverClosed) link.down.push(message.slice())
      },
      close: (code, reason) => {
        this.counts.serverCloses.push({ code, reason })
        if (link.state !== 'open' || link.serverClosed) return
        link.serverClosed = true
        link.down.push({ close: { code, reason } })
        // The server's socket reports the close once the close handshake is done.
        queueMicrotask(() => this.closeServerSide(link))
      },
    })
    link.socket.readyState = SimulatedSocket.OPEN
    link.socket.onopen?.(new Event('open'))
  }

  /** Every queue holding frames, in a fixed order so a seed replays the same choices. */
  channels(): Channel[] {
    const channels: Channel[] = []
    for (const link of this.links) {
      if (link.state !== 'open') continue
      if (link.up.length > 0) channels.push({ link, direction: 'up' })
      if (link.down.length > 0) channels.push({ link, direction: 'down' })
    }
    return channels
  }

  /**
   * Delivers the frame at `index` of the channel's queue (0 is the oldest: in order). A copy
   * left at the head of the queue makes the frame arrive twice in a row.
   */
  deliver({ link, direction }: Channel, index = 0, duplicate = false): void {
    const queue: (Uint8Array | CloseFrame)[] = link[direction]
    if (index > 0) {
      this.counts.reorders++
      link.reordered = true
    }
    const [frame] = queue.splice(index, 1)
    if (frame === undefined) return
    if (duplicate && !('close' in frame)) {
      this.counts.duplicates++
      queue.unshift(frame.slice())
    }
    if (direction === 'up') link.handle?.receive(frame as Uint8Array)
    else if ('close' in frame) this.closeClientSide(link, frame.close.code, frame.close.reason)
    else link.socket.onmessage?.(new MessageEvent('message', { data: toArrayBuffer(frame) }))
  }

  /**
   * The connection breaks: frames in flight both ways are lost, and each end learns of it
   * now or later (a half-open connection: one end keeps sending into the void meanwhile).
   */
  drop(link: Link, serverNotices: boolean, clientNotices: boolean): void {
    if (link.state !== 'open') return
    this.counts.drops++
    link.state = 'broken'
    link.up.length = 0
    link.down.length = 0
    if (serverNotices) this.noticeServer(link)
    if (clientNotices) this.noticeClient(link)
  }

  noticeServer(link: Link): void {
    if (link.state !== 'broken' || link.serverNoticed) return
    link.serverNoticed = true
    link.handle?.closed()
    if (link.clientNoticed) link.state = 'closed'
  }

  noticeClient(link: Link): void {
    if (link.state !== 'broken' || link.clientNoticed) return
    link.clientNoticed = true
    link.socket.readyState = SimulatedSocket.CLOSED
    // 1006: the connection was lost without a close frame, which y-websocket reconnects after.
    link.socket.onclose?.(closeEvent(1006, ''))
    if (link.serverNoticed) link.state = 'closed'
  }

  /** The client learned of a close; y-websocket clears its handlers and schedules a reconnect. */
  private closeClientSide(link: Link, code: number, reason: string): void {
    link.socket.readyState = SimulatedSocket.CLOSED
    link.state = 'closed'
    link.up.length = 0
    link.down.length = 0
    link.socket.onclose?.(closeEvent(code, reason))
  }

  private closeServerSide(link: Link): void {
    if (link.serverNoticed) return
    link.serverNoticed = true
    link.handle?.closed()
  }

  /** The client closed its socket (provider.disconnect or destroy). */
  clientClosed(link: Link): void {
    if (link.state === 'broken') {
      this.noticeServer(link)
    } else if (link.state === 'open') {
      // A closing socket still delivers what it sent; only teardown closes sockets here, once
      // everything has been delivered, so there is nothing left to lose.
      link.up.length = 0
      link.down.length = 0
      this.closeServerSide(link)
    }
    link.state = 'closed'
    link.clientNoticed = true
  }
}

/** The WebSocket surface y-websocket uses; sending queues the frame on its link. */
export class SimulatedSocket {
  static readonly CONNECTING = 0
  static readonly OPEN = 1
  static readonly CLOSING = 2
  static readonly CLOSED = 3
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  readyState: number = SimulatedSocket.CONNECTING
  binaryType = 'arraybuffer'
  onopen: ((event: Event) => void) | null = null
  onmessage: ((event: MessageEvent) => void) | null = null
  onclose: ((event: CloseEvent) => void) | null = null
  onerror: ((event: Event) => void) | null = null
  link!: Link
  network!: Network

  send(data: Uint8Array | ArrayBuffer): void {
    if (this.readyState === SimulatedSocket.CONNECTING) {
      throw new Error('InvalidStateError: send() on a socket that is still connecting')
    }
    if (this.readyState !== SimulatedSocket.OPEN) return
    // A half-open link swallows what the client sends.
    if (this.link.state !== 'open') return
    this.link.up.push(new Uint8Array(data).slice())
  }

  close(): void {
    if (this.readyState === SimulatedSocket.CLOSED) return
    this.readyState = SimulatedSocket.CLOSED
    this.network.clientClosed(this.link)
  }
}

/** Node 20 has no CloseEvent; y-websocket reads only these fields. */
function closeEvent(code: number, reason: string): CloseEvent {
  return { type: 'close', code, reason, wasClean: code !== 1006 } as CloseEvent
}

function toArrayBuffer(frame: Uint8Array): ArrayBuffer {
  return frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) as ArrayBuffer
}
