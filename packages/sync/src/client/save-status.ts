import * as decoding from 'lib0/decoding'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { isContentFrame, MessageType, readSaved, SyncMessageType } from '../protocol.ts'

type Listener = (saved: boolean) => void

/**
 * Tells whether every local edit is durably stored on the server, from the server's "saved"
 * messages alone (see PROTOCOL.md). Counts the content frames sent on the current socket;
 * the server acknowledges how many it has committed and the state vector it holds.
 *
 * Deletions do not move a state vector, so the frame count is what proves them saved; the
 * state vector check proves the server holds every insertion this client made.
 */
export class SaveStatus {
  private sent = 0
  private committed = 0
  /** Frames on the current socket that must be committed before local edits are safe. */
  private needed = 0
  /** Local edits exist that no frame on the current socket carries yet. */
  private unsent = false
  private committedClock = 0
  private socket: unknown = null
  private readonly listeners = new Set<Listener>()
  private last: boolean

  constructor(private readonly provider: WebsocketProvider) {
    this.last = this.saved
    provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) => this.onSaved(decoder)
    provider.on('status', this.onStatus)
    this.onStatus()
    provider.doc.on('update', this.onUpdate)
  }

  /** True when the server has committed every edit made in this document here. */
  get saved(): boolean {
    const ownClock = Y.getState(this.provider.doc.store, this.provider.doc.clientID)
    return !this.unsent && this.committed >= this.needed && ownClock <= this.committedClock
  }

  onChange(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    this.provider.off('status', this.onStatus)
    this.provider.doc.off('update', this.onUpdate)
    this.listeners.clear()
  }

  private readonly onStatus = (): void => {
    const socket = this.provider.ws
    if (socket === this.socket) return
    // Frames sent on a lost socket may or may not have been committed: the next sync step 2,
    // computed against the server's state, carries whatever the server still lacks.
    if (this.committed < this.needed) this.unsent = true
    this.socket = socket
    this.sent = this.committed = this.needed = 0
    if (socket) this.countContentFrames(socket as WebSocket)
    this.notify()
  }

  private countContentFrames(socket: WebSocket): void {
    const send = socket.send.bind(socket)
    socket.send = (data) => {
      if (data instanceof Uint8Array && isContentFrame(data)) {
        this.sent++
        if (data[1] === SyncMessageType.Step2) {
          this.needed = this.sent
          this.unsent = false
        }
      }
      send(data)
    }
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    if (origin === this.provider) return
    // The provider's own update handler ran first and sent the edit if it could.
    if (this.provider.wsconnected && this.provider.ws === this.socket) this.needed = this.sent
    else this.unsent = true
    this.notify()
  }

  private onSaved(decoder: decoding.Decoder): void {
    const { committedFrames, stateVector } = readSaved(decoder)
    this.committed = committedFrames
    this.committedClock = Y.decodeStateVector(stateVector).get(this.provider.doc.clientID) ?? 0
    this.notify()
  }

  private notify(): void {
    const saved = this.saved
    if (saved === this.last) return
    this.last = saved
    for (const listener of this.listeners) listener(saved)
  }
}
