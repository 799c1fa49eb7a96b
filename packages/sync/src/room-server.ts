import * as Y from 'yjs'
import { Connection, type ConnectionOptions } from './connection.ts'
import { schemaContentCheck, type ContentCheck, type ContentSchema } from './content-check.ts'
import type { Fanout } from './fanout.ts'
import { FrameScheduler } from './frame-scheduler.ts'
import { CloseCode } from './protocol.ts'
import { MAX_ROW_BYTES, Room, type PendingUpdate } from './room.ts'
import { DEFAULT_HEAL_INTERVAL_MS, RoomFanout, type FanoutStats } from './room-fanout.ts'
import type { DocumentStore } from './store.ts'
import { applyStoredUpdatesInTurns } from './stored-updates.ts'
import { silentLogger, type Logger, type Transport } from './transport.ts'

export interface RoomServerOptions {
  store: DocumentStore
  /** Frames larger than this close their connection with 1009 and are never applied. */
  maxMessageBytes?: number
  /**
   * Stored updates after which a document's log is merged into one snapshot, once they also
   * add up to as many bytes as the document's last snapshot: a compaction re-encodes the whole
   * document, so waiting for that much new data keeps its cost in proportion to what was typed
   * (a 3 MB document is not re-encoded for every 500 keystrokes), and loading reads at most
   * about twice the document.
   */
  compactAfter?: number
  /**
   * Shortest time between two commits. Updates arriving meanwhile wait and are committed, and
   * fanned out, together: fewer fsyncs and socket writes, for at most this much latency.
   * 0 commits once per event-loop turn.
   */
  commitIntervalMs?: number
  /**
   * Shortest time between two awareness broadcasts of a room: cursor moves arriving meanwhile
   * go to everyone as one message, encoded once. 0 broadcasts once per event-loop turn.
   */
  awarenessIntervalMs?: number
  logger?: Logger
  /**
   * Called after a commit that held content for this document has been applied to its Y.Doc:
   * the document then holds exactly what is stored. Runs synchronously inside the commit; keep
   * it quick (schedule work) and do not keep `doc` past `onUnload`. A throw is logged.
   */
  onCommitted?(docName: string, doc: Y.Doc): void
  /**
   * Called once a room has loaded its document from storage, before anyone is greeted. Same
   * rules as `onCommitted`. Content written to storage by other means (an import, a migration)
   * is first seen here.
   */
  onLoaded?(docName: string, doc: Y.Doc): void
  /**
   * Called just before a room leaves memory (nobody connected and everything stored), and for
   * every room still loaded when `close()` finishes. The doc is destroyed straight after, so
   * read what you need synchronously. A throw is logged.
   */
  onUnload?(docName: string, doc: Y.Doc): void
  /**
   * Called once per commit, after its acknowledgements were sent: `latencyMs` is how long the
   * oldest frame in it waited from arrival to its durable acknowledgement (the worst any sender
   * saw), `updates` how many content updates it stored (0 for a commit of empty step 2s). For
   * metrics; a throw is logged.
   */
  onAcknowledged?(latencyMs: number, updates: number): void
  /**
   * Other instances sharing the store: committed updates, local awareness and broadcast()
   * messages are published, theirs applied (never stored again) and passed on. With a fanout,
   * onCommitted also runs after remote content changed a document. See fanout.ts.
   */
  fanout?: Fanout
  /** How often each loaded room publishes its state so lagging instances heal from storage. */
  healIntervalMs?: number
  /** Tags this instance's fan-out messages; random by default. */
  instanceId?: string
  /**
   * Runs `task` only if no other instance sharing the store is compacting the document (a
   * database lock), resolving whether it ran. A skipped compaction is tried again after the
   * next commit. Compaction is safe without it (it replaces only the updates it read); with it,
   * the instances do not all do the same work. By default every task runs.
   */
  exclusive?(docName: string, task: () => Promise<void>): Promise<boolean>
  /**
   * The editor's schema for the Y.XmlFragment `field` (a ProseMirror schema): an update that
   * puts there an element, mark or attribute the schema lacks, or a link the editor would not
   * write (`javascript:`), closes its connection with 1007 and is never stored. Editors delete
   * what they cannot map, so one such update would make everyone's editor delete content.
   */
  contentSchema?: { field: string; schema: ContentSchema }
}

/** What a transport holds for one connection: feed it frames, tell it when the socket closed. */
export interface ConnectionHandle {
  receive(frame: Uint8Array): void
  closed(): void
}

export const DEFAULT_MAX_MESSAGE_BYTES = 2 * 1024 * 1024
export const DEFAULT_COMPACT_AFTER = 500
/** A log is compacted at this many times `compactAfter` rows, whatever their size. */
const MAX_ROWS_PER_COMPACT_AFTER = 20
export const DEFAULT_COMMIT_INTERVAL_MS = 0
export const DEFAULT_AWARENESS_INTERVAL_MS = 0
/** Frames a connection may send while its room is still loading. */
const MAX_BACKLOG_FRAMES = 256
/**
 * Time per event-loop turn spent checking and decoding received frames; the rest waits for
 * the next turn (see FrameScheduler). Small against the 100 ms nobody should wait, large
 * against a keystroke (well under a millisecond).
 */
const RECEIVE_BUDGET_MS = 10
/**
 * Bytes of updates one commit stores and applies; what is queued beyond waits for the next
 * commit. Applying costs about as much as checking (tens of ms for a few hundred KiB of
 * paragraphs): a commit of everything queued, twenty large pastes at once, held the loop for
 * seconds. One update larger than this is committed alone.
 */
const MAX_COMMIT_BYTES = 64 * 1024
/** Documents whose log holds more than this are not compacted (see compactIfDue). */
const MAX_COMPACT_BYTES = 1024 * 1024

/**
 * Serves y-websocket rooms over any transport. Persist before broadcast: every update is
 * appended to the store before it is applied to the room's document or sent to anyone.
 * All updates of one event-loop turn, across rooms, are committed in one transaction.
 */
export class RoomServer {
  private readonly rooms = new Map<string, Room>()
  /** Documents whose rooms refuse every connection's edits; kept for rooms not loaded yet. */
  private readonly readOnlyDocs = new Set<string>()
  private readonly loading = new Map<string, Promise<void>>()
  private readonly dirty = new Set<Room>()
  private readonly store: DocumentStore
  private readonly maxMessageBytes: number
  private readonly compactAfter: number
  private readonly commitIntervalMs: number
  private readonly awarenessIntervalMs: number
  private lastCommitAt = -Infinity
  private readonly logger: Logger
  private readonly hooks: Pick<
    RoomServerOptions,
    'onCommitted' | 'onLoaded' | 'onUnload' | 'onAcknowledged'
  >
  /** Storage work runs one task at a time, so a compaction never races an append. */
  private storage: Promise<void> = Promise.resolve()
  private commitScheduled = false
  private closing = false
  private readonly fanout: RoomFanout | undefined
  private readonly exclusive: NonNullable<RoomServerOptions['exclusive']>
  private readonly checkContent: ContentCheck | undefined
  private readonly frames = new FrameScheduler<Connection>(
    (connection, frame) => connection.room.receive(connection, frame),
    RECEIVE_BUDGET_MS,
  )

  constructor(options: RoomServerOptions) {
    this.store = options.store
    this.exclusive =
      options.exclusive?.bind(options) ?? ((_docName, task) => task().then(() => true))
    this.maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES
    this.compactAfter = options.compactAfter ?? DEFAULT_COMPACT_AFTER
    this.commitIntervalMs = options.commitIntervalMs ?? DEFAULT_COMMIT_INTERVAL_MS
    this.awarenessIntervalMs = options.awarenessIntervalMs ?? DEFAULT_AWARENESS_INTERVAL_MS
    this.logger = options.logger ?? silentLogger
    this.checkContent =
      options.contentSchema &&
      schemaContentCheck(options.contentSchema.field, options.contentSchema.schema)
    this.hooks = {
      onCommitted: options.onCommitted,
      onLoaded: options.onLoaded,
      onUnload: options.onUnload,
      onAcknowledged: options.onAcknowledged,
    }
    this.fanout = options.fanout && this.createFanout(options)
  }

  private createFanout(options: RoomServerOptions): RoomFanout {
    return new RoomFanout(
      options.fanout!,
      {
        store: this.store,
        logger: this.logger,
        loadedRoom: (name) => (this.loading.has(name) ? undefined : this.rooms.get(name)),
        loadedRooms: () => [...this.rooms.values()].filter((room) => !this.loading.has(room.name)),
        changed: (room) => this.runHook('onCommitted', room),
      },
      options.instanceId ?? crypto.randomUUID(),
      options.healIntervalMs ?? DEFAULT_HEAL_INTERVAL_MS,
    )
  }

  /** Fan-out counters, when the server has a fanout. */
  get fanoutStats(): Readonly<FanoutStats> | undefined {
    return this.fanout?.stats
  }

  get roomCount(): number {
    return this.rooms.size
  }

  get connectionCount(): number {
    let count = 0
    for (const room of this.rooms.values()) count += room.connections.size
    return count
  }

  /**
   * Sends a message of the server's own (such as "structure changed") to every connection of
   * a loaded room that has been greeted. A room that is not in memory has nobody to tell.
   */
  broadcast(docName: string, message: Uint8Array): void {
    const room = this.rooms.get(docName)
    if (!room) return
    this.fanout?.broadcast(room, message)
    for (const connection of room.connections) {
      if (connection.started) connection.send(message)
    }
  }

  /**
   * Refuses (or allows again) every connection's edits to a document, whatever each connection
   * may do on its own: approved minutes. Edits already queued are still stored; the server's
   * own `edit()` is not stopped. Holds for the room loaded now and any loaded later.
   */
  setReadOnly(docName: string, readOnly: boolean): void {
    if (readOnly) this.readOnlyDocs.add(docName)
    else this.readOnlyDocs.delete(docName)
    const room = this.rooms.get(docName)
    if (room) room.readOnly = readOnly
  }

  /**
   * Changes a document from the server's side, such as an action's status set on the tracker
   * page. `change` edits a copy of the document as stored now; what it changed is stored and
   * sent to everyone with the document open (and to other instances) exactly like a client's
   * edit, in the same commit queue. Loads the document if nobody has it open. Resolves whether
   * anything changed, once it is stored; rejects if the document could not be loaded or the
   * change not stored, and nothing is changed then. `change` runs synchronously in one
   * transaction; what it throws is passed on.
   */
  async edit(docName: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    return this.withRoom(docName, async (room) => {
      const update = draftUpdate(room.doc, change)
      if (!update) return false
      await this.commit(room, update)
      return true
    })
  }

  /**
   * Reads a document once everything received for it so far is stored, loading it if nobody
   * has it open: what `read` sees is exactly what storage holds, including every edit sent
   * before this call. With setReadOnly first, that is the document as it stands for good.
   */
  async read<T>(docName: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.withRoom(docName, async (room) => {
      await this.commit(room, null)
      return read(room.doc)
    })
  }

  /** Runs `task` with the room loaded and kept in memory until it is done. */
  private async withRoom<T>(docName: string, task: (room: Room) => Promise<T>): Promise<T> {
    if (this.closing) throw new Error('the server is shutting down; try again')
    const room = this.rooms.get(docName) ?? this.openRoom(docName)
    room.holds += 1
    try {
      await this.loading.get(docName)
      if (room.failed) throw new Error(`could not load document ${docName}; try again`)
      return await task(room)
    } finally {
      room.holds -= 1
      this.unloadIfIdle(room)
    }
  }

  /**
   * Queues an update of the server's own behind what the room has queued, resolving once it is
   * stored and applied. `null` stores nothing: it only waits for what was queued before it.
   */
  private commit(room: Room, update: Uint8Array | null): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.enqueue(room, {
        from: new Connection(room, serverTransport),
        update: update ?? EMPTY_UPDATE,
        hasContent: update !== null,
        frame: 0,
        receivedAt: performance.now(),
        settle: (error) => (error === undefined ? resolve() : reject(error as Error)),
      })
    })
  }

  connect(docName: string, transport: Transport, options?: ConnectionOptions): ConnectionHandle {
    if (this.closing) {
      transport.close(CloseCode.GoingAway, 'server shutting down')
      return { receive() {}, closed() {} }
    }
    const room = this.rooms.get(docName) ?? this.openRoom(docName)
    const connection = new Connection(room, transport, options)
    room.connections.add(connection)
    const loading = this.loading.get(docName)
    if (loading)
      void loading.then(() => !connection.closed && !room.failed && this.start(connection))
    else this.start(connection)

    return {
      receive: (frame) => {
        if (connection.closed) return
        if (frame.byteLength > this.maxMessageBytes) {
          this.logger.warn(
            { room: docName, bytes: frame.byteLength },
            'closing a connection for a frame over the size limit',
          )
          connection.close(CloseCode.MessageTooBig, 'message too big')
        } else if (connection.started) {
          this.frames.push(connection, frame)
        } else if (connection.backlog.length < MAX_BACKLOG_FRAMES) {
          connection.backlog.push(frame)
        } else {
          connection.close(CloseCode.TryAgainLater, 'too many messages while the document loads')
        }
      },
      closed: () => this.disconnect(connection),
    }
  }

  /** Greets the connection, then handles what it sent while its room loaded. */
  private start(connection: Connection): void {
    connection.room.start(connection)
    const backlog = connection.backlog
    connection.backlog = []
    for (const frame of backlog) this.frames.push(connection, frame)
  }

  private openRoom(docName: string): Room {
    const room = new Room(docName, {
      enqueue: (r, pending) => this.enqueue(r, pending),
      // A failure to store it is logged by failBatch, like any other.
      storeOwnChange: (r, update) => void this.commit(r, update).catch(() => {}),
      later: (connection, work) => this.frames.later(connection, work),
      logger: this.logger,
      awarenessIntervalMs: this.awarenessIntervalMs,
      checkContent: this.checkContent,
    })
    room.readOnly = this.readOnlyDocs.has(docName)
    this.rooms.set(docName, room)
    this.fanout?.attach(room)
    const loading = this.store
      .load(docName)
      .then(async (updates) => {
        const skipped = await room.load(updates)
        if (skipped > 0) this.logger.error({ docName, skipped }, 'skipped corrupt stored updates')
        this.fanout?.loaded(room)
        this.runHook('onLoaded', room)
      })
      .catch((error: unknown) => {
        this.logger.error({ docName, err: error }, 'could not load document')
        this.fanout?.detach(room)
        // Forget the room so the next connection tries loading again, instead of editing an
        // empty document that is not the stored one.
        room.failed = true
        if (this.rooms.get(docName) === room) this.rooms.delete(docName)
        for (const connection of room.connections) {
          connection.close(CloseCode.InternalError, 'could not load document; try again')
        }
        // Nobody was ever greeted from it; its awareness timer must not outlive it.
        room.destroy()
      })
      .finally(() => {
        this.loading.delete(docName)
        this.unloadIfIdle(room)
      })
    this.loading.set(docName, loading)
    return room
  }

  private disconnect(connection: Connection): void {
    if (connection.closed) return
    connection.closed = true
    this.frames.forget(connection)
    const room = connection.room
    room.connections.delete(connection)
    connection.forgetAwareness()
    this.unloadIfIdle(room)
  }

  /** A room leaves memory once nobody is connected and everything it received is stored. */
  private unloadIfIdle(room: Room): void {
    if (room.connections.size > 0 || this.loading.has(room.name)) return
    if (room.pending.length > 0 || room.committing || room.compactionQueued || room.holds > 0) {
      return
    }
    if (this.rooms.get(room.name) !== room) return
    this.unload(room)
  }

  private unload(room: Room): void {
    this.rooms.delete(room.name)
    this.fanout?.detach(room)
    this.runHook('onUnload', room)
    room.destroy()
  }

  /** Hooks belong to the layer above; whatever they throw must not break the room. */
  private runHook(hook: 'onCommitted' | 'onLoaded' | 'onUnload', room: Room): void {
    try {
      this.hooks[hook]?.(room.name, room.doc)
    } catch (error) {
      this.logger.error({ docName: room.name, err: error }, `${hook} hook failed`)
    }
  }

  private enqueue(room: Room, pending: PendingUpdate): void {
    room.pending.push(pending)
    this.dirty.add(room)
    this.scheduleCommit()
  }

  private scheduleCommit(): void {
    if (this.commitScheduled) return
    this.commitScheduled = true
    const commit = () => void this.runStorage(() => this.commitPending())
    const wait = this.lastCommitAt + this.commitIntervalMs - performance.now()
    if (wait >= 1) setTimeout(commit, wait)
    else setImmediate(commit)
  }

  private runStorage(task: () => Promise<void>): Promise<void> {
    this.storage = this.storage.then(task).catch((error: unknown) => {
      this.logger.error({ err: error }, 'storage task failed')
    })
    return this.storage
  }

  private async commitPending(): Promise<void> {
    this.commitScheduled = false
    this.lastCommitAt = performance.now()
    const batch = this.takeBatch()
    const entries = batch.flatMap(({ room, updates }) =>
      updates.filter((u) => u.hasContent).map(({ update }) => ({ docName: room.name, update })),
    )
    try {
      if (entries.length > 0) await this.store.append(entries)
    } catch (error) {
      this.failBatch(batch, error)
      if (this.dirty.size > 0) this.scheduleCommit()
      return
    }
    for (const { room, updates } of batch) {
      room.committing = false
      const stored = updates.filter((u) => u.hasContent)
      room.storedUpdates += stored.length
      for (const { update } of stored) room.storedBytes += update.byteLength
      const changes = room.applyCommitted(updates)
      for (const { settle } of updates) settle?.()
      this.fanout?.committed(room, changes)
      if (stored.length > 0) this.runHook('onCommitted', room)
      this.compactIfDue(room)
      this.unloadIfIdle(room)
    }
    this.reportAcknowledged(batch, entries.length)
    if (this.dirty.size > 0) this.scheduleCommit()
  }

  /**
   * The updates the next commit takes: each room's in the order they came, rooms in turn, up to
   * MAX_COMMIT_BYTES. A room left with updates queued goes to the back of the line, and another
   * commit is scheduled for them once this one is done.
   */
  private takeBatch(): { room: Room; updates: PendingUpdate[] }[] {
    const batch: { room: Room; updates: PendingUpdate[] }[] = []
    let bytes = 0
    for (const room of [...this.dirty]) {
      let count = 0
      for (const { update } of room.pending) {
        if (bytes > 0 && bytes + update.byteLength > MAX_COMMIT_BYTES) break
        bytes += update.byteLength
        count++
      }
      if (count === 0) break
      batch.push({ room, updates: room.pending.slice(0, count) })
      room.pending = room.pending.slice(count)
      room.committing = true
      this.dirty.delete(room)
      if (room.pending.length > 0) this.dirty.add(room)
    }
    return batch
  }

  private reportAcknowledged(batch: { updates: PendingUpdate[] }[], stored: number): void {
    if (!this.hooks.onAcknowledged) return
    let oldest = Infinity
    for (const { updates } of batch) {
      for (const { receivedAt } of updates) oldest = Math.min(oldest, receivedAt)
    }
    if (oldest === Infinity) return
    try {
      this.hooks.onAcknowledged(performance.now() - oldest, stored)
    } catch (error) {
      this.logger.error({ err: error }, 'onAcknowledged hook failed')
    }
  }

  /**
   * Nothing was stored, so nothing is applied or acknowledged. The senders are disconnected:
   * their clients still hold the edits and send them again when they reconnect.
   */
  private failBatch(batch: { room: Room; updates: PendingUpdate[] }[], error: unknown): void {
    this.logger.error({ err: error }, 'could not store updates; disconnecting their senders')
    for (const { room, updates } of batch) {
      room.committing = false
      for (const { from, settle } of updates) {
        from.close(CloseCode.InternalError, 'could not save; reconnect to retry')
        settle?.(error)
      }
      this.unloadIfIdle(room)
    }
  }

  private compactIfDue(room: Room): void {
    if (room.compactionQueued || room.storedUpdates < this.compactAfter) return
    // Keystrokes are small: without a cap on rows, a large document would gather tens of
    // thousands before their bytes reached its size, and every load would merge them all.
    const manyRows = room.storedUpdates >= this.compactAfter * MAX_ROWS_PER_COMPACT_AFTER
    if (room.storedBytes < room.snapshotBytes && !manyRows) return
    // Encoding the snapshot is one piece of work as long as the document: a large document
    // keeps its log instead, whose rows are at most MAX_ROW_BYTES and load a few per turn.
    if (room.storedBytes + room.snapshotBytes > MAX_COMPACT_BYTES) return
    room.compactionQueued = true
    setImmediate(() =>
      this.runStorage(async () => {
        try {
          let snapshotBytes = 0
          const compacted = await this.exclusive(room.name, async () => {
            snapshotBytes = await this.compact(room.name)
          })
          if (compacted) room.compacted(snapshotBytes)
        } finally {
          room.compactionQueued = false
          this.unloadIfIdle(room)
        }
      }),
    )
  }

  /**
   * Merges the log as stored now into one snapshot that replaces exactly the updates read.
   * The snapshot comes from the log, not the room's document: other instances and imports
   * append too, and what they stored may not have reached this room yet. Anything appended
   * after the read stays beside the snapshot.
   */
  private async compact(docName: string): Promise<number> {
    const { updates, position } = await this.store.loadLog(docName)
    if (updates.length < 2) return updates[0]?.byteLength ?? 0
    const doc = new Y.Doc()
    try {
      const skipped = await applyStoredUpdatesInTurns(doc, updates, {
        budgetMs: RECEIVE_BUDGET_MS,
        pieceBytes: MAX_ROW_BYTES,
      })
      if (skipped > 0) this.logger.error({ docName, skipped }, 'compaction drops corrupt updates')
      const snapshot = Y.encodeStateAsUpdate(doc)
      await this.store.compact(docName, snapshot, position)
      return snapshot.byteLength
    } finally {
      doc.destroy()
    }
  }

  /** Stops taking connections, stores everything received, and closes every connection. */
  async close(): Promise<void> {
    this.closing = true
    await Promise.all(this.loading.values())
    // Frames keep arriving until the sockets close, and a commit in flight may be followed by
    // another: drain until a whole pass finds nothing new queued.
    for (;;) {
      if (this.commitScheduled || this.dirty.size > 0) {
        await this.runStorage(() => this.commitPending())
      }
      const current = this.storage
      await current
      await new Promise((resolve) => setImmediate(resolve))
      const idle = !this.commitScheduled && this.dirty.size === 0 && this.frames.backlog === 0
      if (current === this.storage && idle) break
    }
    for (const room of [...this.rooms.values()]) {
      for (const connection of [...room.connections]) {
        connection.close(CloseCode.GoingAway, 'server shutting down')
        this.disconnect(connection)
      }
    }
    // Rooms still busy (a compaction queued after the last commit) are reported too: the
    // layer above is told of every room once before the server is gone.
    for (const room of [...this.rooms.values()]) {
      this.rooms.delete(room.name)
      this.fanout?.detach(room)
      this.runHook('onUnload', room)
      room.destroy()
    }
    this.fanout?.close()
  }
}

/** An update that holds nothing (Y.encodeStateAsUpdate of an empty document). */
const EMPTY_UPDATE = new Uint8Array([0, 0])

/** The server's own edits come from no socket: there is nothing to send them to or close. */
const serverTransport: Transport = { send() {}, close() {} }

/** What `change` does to a copy of `doc`, as one update; null if it changed nothing. */
function draftUpdate(doc: Y.Doc, change: (draft: Y.Doc) => void): Uint8Array | null {
  const draft = new Y.Doc({ gc: true })
  try {
    Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc))
    let update: Uint8Array | null = null
    // Yjs emits an update only for a transaction that changed something.
    draft.on('update', (changed: Uint8Array) => (update = changed))
    draft.transact(() => change(draft))
    return update
  } finally {
    draft.destroy()
  }
}
