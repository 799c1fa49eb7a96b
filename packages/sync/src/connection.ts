import * as awarenessProtocol from 'y-protocols/awareness'
import type * as Y from 'yjs'
import type { Presence } from './presence.ts'
import type { Room } from './room.ts'
import type { Transport } from './transport.ts'

/** What the server knows of who is behind a connection, decided before it connects. */
export interface ConnectionOptions {
  /** Receives everything live; its content frames are dropped and answered "permission denied". */
  readOnly?: boolean
  /** Written into every awareness state this connection sends; see stampAwarenessUpdate. */
  presence?: Presence
  /**
   * What this connection may not write, on top of the room's schema: a rule that depends on who
   * is writing, such as which attribute values their role may set. Called with each content
   * update (decoded) and the room's document, which holds only stored content; a reason closes
   * the connection with 1007 and nothing of the update is stored.
   */
  checkContent?: ConnectionContentCheck
}

/** An update as `Y.decodeUpdate` reads it: its structs and its delete set. */
export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>

/** Refuses (with a reason) or accepts a decoded update, seen against the room's document. */
export type ConnectionContentCheck = (update: DecodedUpdate, doc: Y.Doc) => string | undefined

/**
 * What a connection may send before its step 2 that builds on content the room lacks: a
 * round trip's worth of fast typing, with room to spare (see Room.receiveContent).
 */
const MAX_HELD_UPDATES = 1000
const MAX_HELD_BYTES = 1024 * 1024

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
  /** The server closed it; the transport has not reported the close yet. */
  private closing = false
  /** Set once the read-only client has been told its edits are refused; it is told once. */
  toldReadOnly = false
  /** Whether the client has answered the room's step 1; see Room.receiveContent. */
  sentStepTwo = false
  /** Updates that build on content only the client's step 2 will bring. */
  private held: Uint8Array[] = []
  private heldBytes = 0

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

  /** Stops reading the peer's frames while those already read wait (see FrameScheduler). */
  pause(): void {
    this.transport.pause?.()
  }

  resume(): void {
    this.transport.resume?.()
  }

  /** Closes the socket; the room forgets the connection when the transport reports the close. */
  close(code: number, reason: string): void {
    this.closing = true
    if (!this.closed) this.transport.close(code, reason)
  }

  /** Closed, or being closed: frames it sent that still wait are not handled. */
  get ended(): boolean {
    return this.closed || this.closing
  }

  /** Keeps an update until the step 2 arrives; false once that would exceed the bound. */
  holdUntilStepTwo(update: Uint8Array): boolean {
    if (this.held.length >= MAX_HELD_UPDATES) return false
    if (this.heldBytes + update.byteLength > MAX_HELD_BYTES) return false
    this.held.push(update)
    this.heldBytes += update.byteLength
    return true
  }

  takeHeld(): Uint8Array[] {
    const held = this.held
    this.held = []
    this.heldBytes = 0
    return held
  }

  forgetAwareness(): void {
    if (this.awarenessClients.size === 0) return
    this.room.releaseAwareness(this)
    awarenessProtocol.removeAwarenessStates(this.room.awareness, [...this.awarenessClients], null)
    this.awarenessClients.clear()
  }
}
