import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import {
  decodeFanoutMessage,
  encodeFanoutMessage,
  FanoutPart,
  hashBytes,
  type Fanout,
  type FanoutPartData,
} from './fanout.ts'
import { stampAwarenessUpdate } from './presence.ts'
import type { DocumentChange, Room } from './room.ts'
import type { DocumentStore } from './store.ts'
import { applyStoredUpdates } from './stored-updates.ts'
import type { Logger } from './transport.ts'

/** The origin of content and awareness that came from another instance or from a heal. */
export const REMOTE_ORIGIN = 'remote'
export const DEFAULT_HEAL_INTERVAL_MS = 5000

/** What the fan-out needs of its room server. */
export interface FanoutHost {
  store: DocumentStore
  logger: Logger
  /** The room if it is loaded and done loading; remote messages for any other are ignored. */
  loadedRoom(name: string): Room | undefined
  loadedRooms(): Iterable<Room>
  /** Remote content changed the room's document: run the onCommitted hook. */
  changed(room: Room): void
}

/** Counters for metrics and tests; they only grow. */
export interface FanoutStats {
  /** Messages published: at most one per room per turn. */
  publishes: number
  /** Turns in which anything was published. */
  publishTurns: number
  /** The most messages one room published in one turn (1 unless something is wrong). */
  maxPublishesPerRoomPerTurn: number
  /** Update parts from other instances applied to a room. */
  remoteUpdates: number
  remoteAwareness: number
  /** Times a room re-read storage because another instance showed it was behind. */
  heals: number
  /** Messages that could not be decoded or applied. */
  rejected: number
}

type Outgoing = {
  room: Room
  updates: Uint8Array[]
  awareness: Set<number>
  /** 0 none, 1 state, 2 state with hello. */
  state: 0 | 1 | 2
  broadcasts: Uint8Array[]
}

/**
 * Keeps the rooms of one RoomServer in step with other instances through a Fanout: publishes
 * committed updates and local awareness, applies what others publish, and heals from storage.
 * Outgoing parts for a room are gathered and sent once per event-loop turn.
 */
export class RoomFanout {
  readonly stats: FanoutStats = {
    publishes: 0,
    publishTurns: 0,
    maxPublishesPerRoomPerTurn: 0,
    remoteUpdates: 0,
    remoteAwareness: 0,
    heals: 0,
    rejected: 0,
  }
  private readonly outbox = new Map<string, Outgoing>()
  /** Rooms whose document took remote content this turn, to pass on to their connections. */
  private readonly inbound = new Set<Room>()
  private readonly healing = new Set<string>()
  private readonly awarenessListeners = new Map<Room, (...args: unknown[]) => void>()
  private readonly timer: ReturnType<typeof setInterval>
  private flushScheduled = false

  constructor(
    private readonly fanout: Fanout,
    private readonly host: FanoutHost,
    readonly instanceId: string,
    healIntervalMs: number,
  ) {
    this.timer = setInterval(() => {
      for (const room of host.loadedRooms()) this.queue(room).state ||= 1
    }, healIntervalMs)
    this.timer.unref()
    fanout.onResync?.(() => this.resync())
  }

  /** A room starts loading: listen before reading storage, so nothing falls in between. */
  attach(room: Room): void {
    this.fanout.subscribe(room.name, (message) => this.receive(room.name, message))
    const listener = (change: unknown, origin: unknown) => {
      // Only what this instance's own connections did; `null` is a connection that left.
      // Remote and timed-out states are the other instance's to announce.
      if (origin !== null && !room.connections.has(origin as never)) return
      const { added, updated, removed } = change as Record<string, number[]>
      const ids = this.queue(room).awareness
      for (const id of [...added!, ...updated!, ...removed!]) ids.add(id)
    }
    room.awareness.on('update', listener)
    this.awarenessListeners.set(room, listener)
  }

  /** The room holds what is stored: ask the others for their awareness and whether we lag. */
  loaded(room: Room): void {
    this.queue(room).state = 2
  }

  /** The room leaves memory: say what is still to say (departures), then stop listening. */
  detach(room: Room): void {
    const outgoing = this.outbox.get(room.name)
    if (outgoing?.room === room) {
      this.outbox.delete(room.name)
      this.publish(outgoing, new Map())
    }
    const listener = this.awarenessListeners.get(room)
    if (listener) room.awareness.off('update', listener)
    this.awarenessListeners.delete(room)
    this.inbound.delete(room)
    this.fanout.unsubscribe(room.name)
  }

  /**
   * What one commit changed in the room's document. Only content from this instance's own
   * connections is published: it is stored, so the others apply it without storing it again.
   * Remote content is never published again, and a step 2 that changed nothing is not there.
   */
  committed(room: Room, changes: readonly DocumentChange[]): void {
    const local = changes.filter((change) => change.origin !== REMOTE_ORIGIN)
    if (local.length > 0) this.queue(room).updates.push(...local.map((change) => change.update))
  }

  broadcast(room: Room, message: Uint8Array): void {
    this.queue(room).broadcasts.push(message)
  }

  close(): void {
    clearInterval(this.timer)
    this.flush()
  }

  private resync(): void {
    for (const room of this.host.loadedRooms()) {
      this.heal(room)
      this.queue(room).state = 2
    }
  }

  private queue(room: Room): Outgoing {
    let outgoing = this.outbox.get(room.name)
    if (!outgoing || outgoing.room !== room) {
      outgoing = { room, updates: [], awareness: new Set(), state: 0, broadcasts: [] }
      this.outbox.set(room.name, outgoing)
    }
    this.scheduleFlush()
    return outgoing
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return
    this.flushScheduled = true
    setImmediate(() => this.flush())
  }

  private flush(): void {
    this.flushScheduled = false
    const perRoom = new Map<string, number>()
    const outbox = [...this.outbox.values()]
    this.outbox.clear()
    for (const outgoing of outbox) this.publish(outgoing, perRoom)
    if (perRoom.size > 0) this.stats.publishTurns++
    for (const room of this.inbound) {
      if (room.applyCommitted([]).length > 0) this.host.changed(room)
    }
    this.inbound.clear()
  }

  private publish(outgoing: Outgoing, perRoom: Map<string, number>): void {
    const { room } = outgoing
    const parts: FanoutPartData[] = []
    if (outgoing.updates.length > 0) {
      const update =
        outgoing.updates.length === 1 ? outgoing.updates[0]! : Y.mergeUpdates(outgoing.updates)
      parts.push({ kind: FanoutPart.Update, update })
    }
    const ids = [...outgoing.awareness].filter((id) => room.awareness.meta.has(id))
    if (ids.length > 0) {
      const update = awarenessProtocol.encodeAwarenessUpdate(room.awareness, ids)
      parts.push({ kind: FanoutPart.Awareness, update })
    }
    if (outgoing.state > 0) parts.push(this.statePart(room, outgoing.state === 2))
    for (const message of outgoing.broadcasts) parts.push({ kind: FanoutPart.Broadcast, message })
    if (parts.length === 0) return
    this.fanout.publish(room.name, encodeFanoutMessage({ instanceId: this.instanceId, parts }))
    this.stats.publishes++
    const count = (perRoom.get(room.name) ?? 0) + 1
    perRoom.set(room.name, count)
    this.stats.maxPublishesPerRoomPerTurn = Math.max(this.stats.maxPublishesPerRoomPerTurn, count)
  }

  private statePart(room: Room, hello: boolean): FanoutPartData {
    return {
      kind: FanoutPart.State,
      stateVector: Y.encodeStateVector(room.doc),
      deleteSetHash: deleteSetHash(room.doc),
      hello,
    }
  }

  private receive(name: string, data: Uint8Array): void {
    const room = this.host.loadedRoom(name)
    // A room still loading learns what it missed from the answers to its hello.
    if (!room) return
    try {
      const message = decodeFanoutMessage(data)
      if (message.instanceId === this.instanceId) return
      for (const part of message.parts) this.receivePart(room, part)
    } catch (error) {
      this.stats.rejected++
      this.host.logger.warn({ room: name, err: error }, 'ignoring a fan-out message')
    }
  }

  private receivePart(room: Room, part: FanoutPartData): void {
    switch (part.kind) {
      case FanoutPart.Update:
        Y.applyUpdate(room.doc, part.update, REMOTE_ORIGIN)
        this.stats.remoteUpdates++
        this.inbound.add(room)
        this.scheduleFlush()
        return
      case FanoutPart.Awareness: {
        // Ids this instance's connections own are theirs alone, whatever another instance says.
        const owned = new Set([...room.connections].flatMap((c) => [...c.awarenessClients]))
        const update = stampAwarenessUpdate(part.update, undefined, (id) => !owned.has(id))
        awarenessProtocol.applyAwarenessUpdate(room.awareness, update, REMOTE_ORIGIN)
        this.stats.remoteAwareness++
        return
      }
      case FanoutPart.State:
        return this.compareState(room, part)
      case FanoutPart.Broadcast:
        for (const connection of room.connections) {
          if (connection.started) connection.send(part.message)
        }
        return
    }
  }

  /**
   * Another instance's state: if it holds content we lack, or the same content with other
   * deletions (which state vectors do not show), re-read storage, which holds everything
   * anyone published. If we hold content it lacks, answer with our state so it heals too.
   */
  private compareState(
    room: Room,
    part: Extract<FanoutPartData, { kind: typeof FanoutPart.State }>,
  ): void {
    const remote = Y.decodeStateVector(part.stateVector)
    const local = Y.decodeStateVector(Y.encodeStateVector(room.doc))
    const remoteAhead = [...remote].some(([client, clock]) => (local.get(client) ?? 0) < clock)
    const localAhead = [...local].some(([client, clock]) => (remote.get(client) ?? 0) < clock)
    if (remoteAhead || (!localAhead && part.deleteSetHash !== deleteSetHash(room.doc))) {
      this.heal(room)
    }
    if (localAhead || part.hello) this.queue(room).state ||= 1
    if (part.hello) {
      for (const connection of room.connections) {
        for (const id of connection.awarenessClients) this.queue(room).awareness.add(id)
      }
    }
  }

  private heal(room: Room): void {
    if (this.healing.has(room.name)) return
    this.healing.add(room.name)
    this.host.store
      .load(room.name)
      .then((updates) => {
        if (this.host.loadedRoom(room.name) !== room) return
        // The log may already hold a commit of ours still being acknowledged; applied here as
        // remote, it would never be published and would echo to its sender. Look again later.
        if (room.committing) {
          setTimeout(() => this.heal(room), 10)
          return
        }
        applyStoredUpdates(room.doc, updates, REMOTE_ORIGIN)
        this.stats.heals++
        this.inbound.add(room)
        this.scheduleFlush()
      })
      .catch((error: unknown) => {
        this.host.logger.error({ room: room.name, err: error }, 'could not heal from storage')
      })
      .finally(() => this.healing.delete(room.name))
  }
}

/** The delete set as Yjs encodes it in an update with no structs: canonical for equal sets. */
function deleteSetHash(doc: Y.Doc): number {
  return hashBytes(Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)))
}
