import * as decoding from 'lib0/decoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import type { Connection } from './connection.ts'
import type { ContentCheck } from './content-check.ts'
import { DocumentChanges, type DocumentChange } from './document-changes.ts'
import { stampAwarenessUpdate } from './presence.ts'
import { splitUpdate } from './split-update.ts'
import { applyStoredUpdatesInTurns } from './stored-updates.ts'
import { UpdateFanOut } from './update-fan-out.ts'
import { checkUpdate } from './update-check.ts'
import type { Logger } from './transport.ts'
import {
  CloseCode,
  encodeAwarenessMessage,
  encodePermissionDenied,
  encodeSaved,
  encodeSyncMessage,
  MessageType,
  SyncMessageType,
} from './protocol.ts'

export interface PendingUpdate {
  from: Connection
  update: Uint8Array
  /** False for an update that carries nothing, such as the step 2 of an up-to-date client. */
  hasContent: boolean
  /** Which of its sender's content frames this is; acknowledged once it is committed. */
  frame: number
  /**
   * An editor's update (not a step 2): what it changes is sent on as it came, not encoded again
   * (see DocumentChanges).
   */
  asIs?: boolean
  /** performance.now() when it was queued for storage: its acknowledgement latency starts here. */
  receivedAt: number
  /** Told once the update is stored and applied, or that it could not be stored. */
  settle?: (error?: unknown) => void
}

/** What a room asks of its server: the persistence queue lives there, shared by every room. */
export interface RoomHost {
  enqueue(room: Room, pending: PendingUpdate): void
  /** Stores a change the document made itself (see applyCommitted), like the server's own edit. */
  storeOwnChange(room: Room, update: Uint8Array): void
  /** Work for the connection's next turns, before anything else it sent (FrameScheduler). */
  later(connection: Connection, work: readonly (() => void)[]): void
  /** Refuses content the document's editor cannot hold (see RoomServerOptions.contentSchema). */
  checkContent?: ContentCheck
  logger: Logger
  /**
   * Shortest time between two awareness broadcasts of a room: changes arriving meanwhile
   * (cursors moving) go out together, encoded once. 0 sends once per event-loop turn.
   */
  awarenessIntervalMs: number
}

export type { DocumentChange } from './document-changes.ts'

/** Awareness ids one connection may own at once (see mayControl). */
const MAX_AWARENESS_IDS = 8

/** Applying per event-loop turn while a room loads: see applyStoredUpdatesInTurns. */
const LOAD_BUDGET_MS = 10
/**
 * A content frame larger than this is checked, stored, applied and sent on in pieces of about
 * this size (splitUpdate), so that a large paste never holds the event loop for the whole of
 * it; its "saved" waits for the last piece. Loading reads rows this large a few per turn.
 */
export const MAX_ROW_BYTES = 32 * 1024

/** How long the encoding of the whole document is shared between people joining. */
const SHARED_JOIN_MS = 1000

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * One loaded document and the connections editing it. The Y.Doc only ever holds committed
 * content: updates wait in `pending` until storage has them, and only then are applied and
 * broadcast, so nothing a client sees can be lost by a crash.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true })
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  pending: PendingUpdate[] = []
  /** True while a batch holding this room's updates is being written. */
  committing = false
  /** Rows in storage for this document since the last compaction. */
  storedUpdates = 0
  /** Bytes of those rows, and of the snapshot (or the log loaded) they are compared with. */
  storedBytes = 0
  snapshotBytes = 0
  compactionQueued = false
  /** Loading failed: the room was forgotten and must not be used. */
  failed = false
  /** Server-side edits under way: the room stays in memory until they are stored. */
  holds = 0
  /** Every connection's edits are refused (approved minutes); see RoomServer.setReadOnly. */
  readOnly = false
  /** What changed the document since the last commit was sent on. */
  private readonly changes = new DocumentChanges(this.doc, () => (this.wholeDocument = null))
  /**
   * The step 2 for a client that has nothing (an empty state vector), encoded once and shared
   * by everyone joining until the document changes: a join storm on a large document would
   * otherwise encode the whole document once per person. Kept for a second only, so a room
   * left open does not hold a second copy of its document.
   */
  private wholeDocument: Uint8Array | null = null
  private wholeDocumentTimer: NodeJS.Timeout | undefined
  /** Which connection owns each awareness id (see mayControl). */
  private readonly awarenessOwners = new Map<number, Connection>()
  /** Awareness ids changed since the last broadcast, with the connection that changed each. */
  private readonly awarenessChanges = new Map<number, Connection | null>()
  private awarenessTimer: NodeJS.Timeout | NodeJS.Immediate | null = null
  private lastAwarenessBroadcast = -Infinity
  /** Next clock of each client whose updates are queued or being stored, not yet applied. */
  private readonly queuedClocks = new Map<number, number>()

  constructor(
    readonly name: string,
    private readonly host: RoomHost,
  ) {
    this.awareness.setLocalState(null)
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) =>
      this.awarenessChanged(change, origin),
    )
  }

  /**
   * Loads stored updates, a few milliseconds' worth per event-loop turn (nobody is greeted
   * before it is done); resolves how many were corrupt and skipped.
   */
  async load(updates: Uint8Array[]): Promise<number> {
    this.storedUpdates = updates.length
    // The largest row is most likely the last snapshot; the others were appended after it.
    // A loop, not Math.max(...sizes): a long log would overflow the argument list.
    let total = 0
    let largest = 0
    for (const { byteLength } of updates) {
      total += byteLength
      largest = Math.max(largest, byteLength)
    }
    this.snapshotBytes = largest
    this.storedBytes = total - largest
    const skipped = await applyStoredUpdatesInTurns(this.doc, updates, {
      budgetMs: LOAD_BUDGET_MS,
      pieceBytes: MAX_ROW_BYTES,
    })
    this.changes.take()
    return skipped
  }

  /** The log is now one snapshot of this size (and whatever was appended since the read). */
  compacted(snapshotBytes: number): void {
    this.storedUpdates = 1
    this.storedBytes = 0
    this.snapshotBytes = snapshotBytes
  }

  /**
   * Greets a connection the way y-websocket servers do: our state vector and who is here. The
   * frames it sent while the room loaded (its backlog) are the server's to hand on.
   */
  start(connection: Connection): void {
    connection.started = true
    const greeting = [encodeSyncMessage(SyncMessageType.Step1, Y.encodeStateVector(this.doc))]
    const present = [...this.awareness.getStates().keys()]
    if (present.length > 0) {
      greeting.push(
        encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, present)),
      )
    }
    connection.sendAll(greeting)
  }

  /** Handles one frame; a frame that is not the protocol closes only its own connection. */
  receive(connection: Connection, frame: Uint8Array): void {
    let type: number
    const decoder = decoding.createDecoder(frame)
    try {
      type = decoding.readVarUint(decoder)
      if (type === MessageType.Sync) this.receiveSync(connection, decoder)
      else if (type === MessageType.Awareness) {
        this.receiveAwareness(connection, decoding.readVarUint8Array(decoder))
      } else if (type === MessageType.QueryAwareness) {
        const everyone = [...this.awareness.getStates().keys()]
        const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, everyone)
        connection.send(encodeAwarenessMessage(update))
      } else {
        this.reject(connection, CloseCode.UnsupportedData, `unknown message type ${type}`)
      }
    } catch {
      this.reject(connection, CloseCode.InvalidPayload, 'malformed message')
    }
  }

  private reject(connection: Connection, code: number, reason: string): void {
    this.host.logger.warn({ room: this.name, code, reason }, 'closing a connection for bad input')
    connection.close(code, reason)
  }

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    const stamped = stampAwarenessUpdate(
      update,
      connection.options.presence,
      (clientId) => this.mayControl(connection, clientId),
      (clientId) => this.awareness.meta.get(clientId)?.clock,
    )
    awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, connection)
  }

  /**
   * An awareness id belongs to the first connection that set it, until that one leaves. A
   * client has one id; a few more allow for a page that makes a new document, but a connection
   * cannot fill the room with states nobody can remove.
   */
  private mayControl(connection: Connection, clientId: number): boolean {
    const owner = this.awarenessOwners.get(clientId)
    if (owner === connection) return true
    return owner === undefined && connection.awarenessClients.size < MAX_AWARENESS_IDS
  }

  /** The connection is leaving: the awareness ids it held may be taken by others. */
  releaseAwareness(connection: Connection): void {
    for (const id of connection.awarenessClients) {
      if (this.awarenessOwners.get(id) === connection) this.awarenessOwners.delete(id)
    }
  }

  private receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    const syncType = decoding.readVarUint(decoder)
    if (syncType === SyncMessageType.Step1) {
      const stateVector = decoding.readVarUint8Array(decoder)
      connection.send(this.step2For(stateVector))
    } else if (syncType === SyncMessageType.Step2 || syncType === SyncMessageType.Update) {
      const update = decoding.readVarUint8Array(decoder)
      // Only a frame within the bounds is split (the check stops at the first one crossed; a
      // split reads every struct): any other is refused, or held, whole.
      const inBounds = () => checkUpdate(update, this.knownTo(connection)).refused === null
      if (update.byteLength > MAX_ROW_BYTES && inBounds()) {
        this.receiveInPieces(connection, syncType, update)
      } else {
        this.receiveContent(connection, syncType, update, true)
      }
    } else {
      this.reject(connection, CloseCode.UnsupportedData, `unknown sync message type ${syncType}`)
    }
  }

  /**
   * A large frame is checked, stored and applied piece by piece (splitUpdate), each piece in a
   * turn of its own: checking and applying it whole held the event loop for as long as it is
   * large. The pieces are what an editor would have sent as several frames, and are checked as
   * those would be; if one is refused, the pieces before it are kept, and the client, never told
   * the frame was saved, sends what is missing again in its next step 2.
   */
  private receiveInPieces(
    connection: Connection,
    syncType: typeof SyncMessageType.Step2 | typeof SyncMessageType.Update,
    update: Uint8Array,
  ): void {
    const pieces = splitUpdate(update, MAX_ROW_BYTES)
    const receivePiece = (piece: Uint8Array, last: boolean) => () => {
      try {
        this.receiveContent(connection, syncType, piece, last)
      } catch {
        this.reject(connection, CloseCode.InvalidPayload, 'malformed message')
      }
    }
    this.host.later(
      connection,
      pieces.map((piece, i) => receivePiece(piece, i === pieces.length - 1)),
    )
  }

  /** One update, or one piece of a frame's (`last`: the piece that ends the frame). */
  private receiveContent(
    connection: Connection,
    syncType: typeof SyncMessageType.Step2 | typeof SyncMessageType.Update,
    update: Uint8Array,
    last: boolean,
  ): void {
    // Checked before Yjs decodes it: a frame of a million tiny structs, or content that
    // waits forever for something the room never saw, would block or slow the whole room.
    if (this.pending.length === 0 && !this.committing) this.queuedClocks.clear()
    const readOnly = connection.options.readOnly || this.readOnly
    const { refused, missingContent, ends } = checkUpdate(update, this.knownTo(connection))
    if (refused) {
      // Someone who typed offline and types on as they reconnect sends those keystrokes
      // before their step 2, which answers the room's step 1 a round trip later and carries
      // the offline edits the keystrokes build on: they wait for it, up to a bound.
      if (missingContent && !connection.sentStepTwo && syncType === SyncMessageType.Update) {
        // Within bounds (the check read it all), so decoding it to prove it whole is cheap.
        Y.decodeUpdate(update)
        if (connection.holdUntilStepTwo(update)) return
        return this.reject(connection, CloseCode.InvalidPayload, 'too much sent before step 2')
      }
      return this.reject(connection, CloseCode.InvalidPayload, refused)
    }
    // Decoding proves the update is well formed before it is stored: a malformed update in
    // the log would make the document fail to load.
    const { structs, ds } = Y.decodeUpdate(update)
    const hasContent = structs.length > 0 || ds.clients.size > 0
    if (readOnly) {
      // A step 2 answers the server's own step 1 and, from an up-to-date client, still
      // carries the document's whole delete set: only an update is an attempt to edit.
      if (hasContent && syncType === SyncMessageType.Update) this.refuseWrite(connection)
      return
    }
    const foreign =
      this.host.checkContent?.(structs, this.doc) ??
      connection.options.checkContent?.({ structs, ds }, this.doc)
    if (foreign) return this.reject(connection, CloseCode.InvalidPayload, foreign)
    for (const [client, clock] of ends) {
      if (clock > (this.queuedClocks.get(client) ?? 0)) this.queuedClocks.set(client, clock)
    }
    // Frames are numbered in the order they are stored, held ones after the step 2: the
    // client counts them all as sent before its step 2, so its "saved" waits for them too.
    // A piece but the last acknowledges only the frames before its own.
    const frame = last ? ++connection.framesReceived : connection.framesReceived
    const asIs = syncType === SyncMessageType.Update
    const receivedAt = performance.now()
    this.host.enqueue(this, { from: connection, update, hasContent, frame, receivedAt, asIs })
    if (last && syncType === SyncMessageType.Step2 && !connection.sentStepTwo) {
      connection.sentStepTwo = true
      for (const held of connection.takeHeld()) {
        if (connection.closed) break
        this.receiveContent(connection, SyncMessageType.Update, held, true)
      }
    }
  }

  /**
   * What checkUpdate takes the room to hold. A read-only connection's edits are dropped, so
   * they may build on earlier dropped ones: only the size bounds apply to them.
   */
  private knownTo(connection: Connection): (client: number) => number {
    if (connection.options.readOnly || this.readOnly) return () => Infinity
    return (client) => this.nextClock(client)
  }

  /** The clock the room expects next from this client, counting updates not yet applied. */
  private nextClock(client: number): number {
    return Math.max(Y.getState(this.doc.store, client), this.queuedClocks.get(client) ?? 0)
  }

  /** What a client with this state vector lacks, as a sync step 2 message. */
  private step2For(stateVector: Uint8Array): Uint8Array {
    // An empty state vector is the single varint 0: a client that has nothing yet.
    const hasNothing = stateVector.length === 1 && stateVector[0] === 0
    if (hasNothing && this.wholeDocument) return this.wholeDocument
    const message = encodeSyncMessage(
      SyncMessageType.Step2,
      Y.encodeStateAsUpdate(this.doc, stateVector),
    )
    if (hasNothing) {
      this.wholeDocument = message
      clearTimeout(this.wholeDocumentTimer)
      this.wholeDocumentTimer = setTimeout(() => (this.wholeDocument = null), SHARED_JOIN_MS)
      this.wholeDocumentTimer.unref()
    }
    return message
  }

  /** Drops an edit from a read-only connection or room; the first time, tells the client why. */
  private refuseWrite(connection: Connection): void {
    if (connection.toldReadOnly) return
    connection.toldReadOnly = true
    connection.send(encodePermissionDenied('read-only access'))
  }

  /**
   * Applies a committed batch, then tells every connection: the content it has not seen, in
   * one merged update, and to each sender how many of its frames are now durable. Content
   * applied since the last call (from another instance) goes out with it. Returns what changed
   * the document, by origin: a step 2 that held nothing new is not there.
   */
  applyCommitted(batch: readonly PendingUpdate[]): readonly DocumentChange[] {
    const acknowledged = new Map<Connection, number>()
    for (const { from, update, hasContent, frame, asIs } of batch) {
      try {
        if (hasContent && asIs) this.changes.applyAsIs(update, from)
        else if (hasContent) Y.applyUpdate(this.doc, update, from)
      } catch {
        this.reject(from, CloseCode.InvalidPayload, 'update could not be applied')
      }
      // Not `from.framesReceived`: frames that arrived while this batch was being written
      // belong to the next batch and are not stored yet.
      acknowledged.set(from, frame)
    }
    const outgoing = this.changes.take()
    // Yjs edits the document itself while applying some updates: the same formatting made
    // concurrently is cleaned up by deleting the redundant format marks, in a transaction of
    // its own (origin null). Everyone is sent that deletion below, so it must be stored like an
    // edit; applying it again once committed changes nothing and sends nothing.
    for (const { update, origin } of outgoing) {
      if (origin === null) this.host.storeOwnChange(this, update)
    }
    const saved = acknowledged.size > 0 ? Y.encodeStateVector(this.doc) : undefined
    const updates = new UpdateFanOut(outgoing)
    for (const connection of this.connections) {
      if (!connection.started) continue
      const messages = [...updates.messagesFor(connection)]
      const frames = acknowledged.get(connection)
      if (frames !== undefined && saved) messages.push(encodeSaved(frames, saved))
      connection.sendAll(messages)
    }
    return outgoing
  }

  /**
   * Records who owns the awareness ids that changed (at once: mayControl depends on it) and
   * queues the change for the next broadcast.
   */
  private awarenessChanged({ added, updated, removed }: AwarenessChange, origin: unknown): void {
    const connection = origin && this.isConnection(origin) ? origin : null
    if (connection) {
      // An id set again after a removal arrives as "updated" (y-protocols keeps its clock).
      for (const id of [...added, ...updated]) {
        if (!this.mayControl(connection, id)) continue
        connection.awarenessClients.add(id)
        this.awarenessOwners.set(id, connection)
      }
      for (const id of removed) {
        connection.awarenessClients.delete(id)
        if (this.awarenessOwners.get(id) === connection) this.awarenessOwners.delete(id)
      }
    }
    for (const id of [...added, ...updated, ...removed]) {
      // An id changed by two sources since the last broadcast goes to everyone.
      const before = this.awarenessChanges.get(id)
      this.awarenessChanges.set(
        id,
        before === undefined || before === connection ? connection : null,
      )
    }
    this.scheduleAwarenessBroadcast()
  }

  private scheduleAwarenessBroadcast(): void {
    if (this.awarenessTimer) return
    const wait = this.lastAwarenessBroadcast + this.host.awarenessIntervalMs - performance.now()
    this.awarenessTimer =
      wait >= 1
        ? setTimeout(() => this.broadcastAwareness(), wait)
        : setImmediate(() => this.broadcastAwareness())
  }

  /**
   * Sends every awareness change since the last broadcast as one message, encoded once, to
   * every connection but one whose own changes are all it holds: never an echo alone.
   */
  private broadcastAwareness(): void {
    this.awarenessTimer = null
    this.lastAwarenessBroadcast = performance.now()
    if (this.awarenessChanges.size === 0) return
    const sources = new Set(this.awarenessChanges.values())
    const onlySource = sources.size === 1 ? [...sources][0] : null
    const ids = [...this.awarenessChanges.keys()].filter((id) => this.awareness.meta.has(id))
    const message = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids),
    )
    this.awarenessChanges.clear()
    for (const connection of this.connections) {
      if (connection !== onlySource && connection.started) connection.send(message)
    }
  }

  private isConnection(value: unknown): value is Connection {
    return this.connections.has(value as Connection)
  }

  destroy(): void {
    clearTimeout(this.wholeDocumentTimer)
    if (this.awarenessTimer) {
      clearTimeout(this.awarenessTimer as NodeJS.Timeout)
      clearImmediate(this.awarenessTimer as NodeJS.Immediate)
    }
    this.awareness.destroy()
    this.doc.destroy()
  }
}
