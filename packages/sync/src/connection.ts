import * as awarenessProtocol from 'y-protocols/awareness'
import type { Presence } from './presence.ts'
import type { Room } from './room.ts'
import type { Transport } from './transport.ts'

/** What the server knows of who is behind a connection, decided before it connects. */
export interface ConnectionOptions {
  /** Receives everything live; its content frames are dropped and answered "permission denied". */
  readOnly?: boolean
  /** Written into every awareness state this connection sends; see stampAwarenessUpdate. */
  presence?: Presence
}

/** One client's connection to one room. */
export class Connection {
  /** Sync frames (step 2 and update) received; the durable acknowledgement counts these. */
  framesReceived = 0
  /** Awareness client ids this connection controls, removed when it leaves. */
  readonly awarenessClients = new Set<number>()
  /** Frames that arrived before the room finished loading. */
  backlog: Uint8Array[] = []
  started = false
  closed = false
  /** Set once the read-only client has been told its edits are refused; it is told once. */
  toldReadOnly = false

  constructor(
    readonly room: Room,
    private readonly transport: Transport,
    readonly options: ConnectionOptions = {},
  ) {}

  send(message: Uint8Array): void {
    if (!this.closed) this.transport.send(message)
  }

  /** Sends several messages with one socket write where the transport allows it. */
  sendAll(messages: readonly Uint8Array[]): void {
    if (this.closed || messages.length === 0) return
    if (messages.length === 1 || !this.transport.cork) {
      for (const message of messages) this.transport.send(message)
      return
    }
    this.transport.cork(() => {
      for (const message of messages) this.transport.send(message)
    })
  }

  /** Closes the socket; the room forgets the connection when the transport reports the close. */
  close(code: number, reason: string): void {
    if (!this.closed) this.transport.close(code, reason)
  }

  forgetAwareness(): void {
    if (this.awarenessClients.size === 0) return
    this.room.releaseAwareness(this)
    awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessClients], null)
    this.awarenessClients.clear()
  }
}
