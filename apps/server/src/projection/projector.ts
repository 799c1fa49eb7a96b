import type { StructureLists } from '@accord/minutes/structure'
import type { Logger } from 'pino'
import * as Y from 'yjs'
import type { MeetingContext } from './context.ts'
import { CappedDebounce, type DebounceTiming } from './debounce.ts'
import type { ProjectionStore } from './projection-store.ts'

/**
 * The rows to store for a meeting whose document is `state` (Y.encodeStateAsUpdate): read and
 * extracted by an ExtractionPool worker on the server, by projectState inline where nothing is
 * served (extractInline).
 */
export type ExtractState = (
  meetingId: string,
  state: Uint8Array,
  context: MeetingContext,
) => Promise<StructureLists>

export interface ProjectorOptions {
  store: ProjectionStore
  /** The meeting's date, organisations and people; undefined when there is nothing to project. */
  context: (meetingId: string) => Promise<MeetingContext | undefined>
  extract: ExtractState
  /** Tells whoever has the meeting open that a new version is stored. */
  announce: (meetingId: string, version: number) => void
  logger: Logger
  timing?: DebounceTiming
  /**
   * Runs the write only if no other instance is projecting the meeting (a database lock),
   * resolving whether it ran; by default every write runs. A skipped write is tried again
   * after `lockRetryMs`, unless a newer projection of the meeting is on its way.
   */
  exclusive?: (meetingId: string, task: () => Promise<void>) => Promise<boolean>
  lockRetryMs?: number
}

export const DEFAULT_LOCK_RETRY_MS = 100
/** About three seconds of another instance holding the lock before a projection is dropped. */
const LOCK_ATTEMPTS = 30

/**
 * ~300 ms after someone stops typing, and at least once a second while they type: the panel
 * follows the minutes closely without running extract for every keystroke.
 */
export const DEFAULT_PROJECTION_TIMING: DebounceTiming = { waitMs: 300, maxWaitMs: 1000 }

/**
 * Keeps each meeting's stored structure in step with its document. A committed change schedules
 * a projection (debounced per meeting); a room leaving memory is projected at once. Projections
 * of one meeting run one after another, so an older snapshot never overwrites a newer one.
 * Nothing here may break a room: every failure is logged and the document carries on.
 */
export class Projector {
  /** Loaded documents with a projection scheduled; dropped when their room unloads. */
  private readonly docs = new Map<string, Y.Doc>()
  private readonly queues = new Map<string, Promise<void>>()
  /** The newest projection of each meeting with one queued, by a counter across meetings. */
  private readonly latest = new Map<string, number>()
  private sequence = 0
  private readonly debounce: CappedDebounce
  private closed = false

  constructor(private readonly options: ProjectorOptions) {
    this.debounce = new CappedDebounce(options.timing ?? DEFAULT_PROJECTION_TIMING, (id) => {
      const doc = this.docs.get(id)
      this.docs.delete(id)
      if (doc) void this.project(id, doc)
    })
  }

  /** RoomServer's onCommitted. */
  readonly committed = (meetingId: string, doc: Y.Doc): void => {
    if (this.closed) return
    this.docs.set(meetingId, doc)
    this.debounce.schedule(meetingId)
  }

  /** RoomServer's onUnload: the doc is destroyed when this returns, so it is read now. */
  readonly unloaded = (meetingId: string, doc: Y.Doc): void => {
    this.debounce.cancel(meetingId)
    this.docs.delete(meetingId)
    if (!this.closed) void this.project(meetingId, doc)
  }

  /**
   * Copies the document now and stores its structure once earlier projections are done. Only
   * the copy (one Yjs update, a few ms for 100,000 words) is made on this thread: reading it
   * into minutes and extracting them grow with the document and happen in `extract`.
   */
  project(meetingId: string, doc: Y.Doc): Promise<void> {
    let snapshot: Uint8Array
    try {
      snapshot = Y.encodeStateAsUpdate(doc)
    } catch (error) {
      this.options.logger.error({ meetingId, err: error }, 'could not read minutes to project')
      return Promise.resolve()
    }
    const turn = ++this.sequence
    this.latest.set(meetingId, turn)
    const next = (this.queues.get(meetingId) ?? Promise.resolve())
      .then(() => this.storeExclusively(meetingId, snapshot, turn))
      .catch((error: unknown) => {
        this.options.logger.error({ meetingId, err: error }, 'projecting the minutes failed')
      })
    this.queues.set(meetingId, next)
    void next.then(() => {
      if (this.queues.get(meetingId) !== next) return
      this.queues.delete(meetingId)
      this.latest.delete(meetingId)
    })
    return next
  }

  /** Waits for every projection under way; call after the rooms have closed (they project). */
  async close(): Promise<void> {
    this.closed = true
    this.debounce.cancelAll()
    this.docs.clear()
    while (this.queues.size > 0) await Promise.all(this.queues.values())
  }

  /**
   * Another instance projecting the meeting may hold an older state than this snapshot (an
   * edit made here that has not reached it yet), so a skipped write is retried until it runs or
   * a newer projection here takes over.
   */
  private async storeExclusively(meetingId: string, snapshot: Uint8Array, turn: number) {
    const { exclusive, lockRetryMs = DEFAULT_LOCK_RETRY_MS, logger } = this.options
    if (!exclusive) return this.store(meetingId, snapshot)
    for (let attempt = 1; ; attempt++) {
      if (await exclusive(meetingId, () => this.store(meetingId, snapshot))) return
      const superseded = this.latest.get(meetingId) !== turn || this.debounce.has(meetingId)
      if (superseded) return
      if (attempt === LOCK_ATTEMPTS) {
        logger.warn({ meetingId, attempt }, 'another instance kept projecting; gave up this one')
        return
      }
      await new Promise((resolve) => setTimeout(resolve, lockRetryMs))
    }
  }

  private async store(meetingId: string, state: Uint8Array): Promise<void> {
    const { context, extract, store, announce, logger } = this.options
    const meeting = await context(meetingId)
    if (!meeting) return
    const started = performance.now()
    const lists = await extract(meetingId, state, meeting)
    const extracted = performance.now()
    const version = await store.replaceStructure(meetingId, lists, new Date().toISOString())
    logger.debug(
      {
        meetingId,
        version,
        extractMs: Math.round(extracted - started),
        storeMs: Math.round(performance.now() - extracted),
      },
      'projected the minutes',
    )
    if (version !== null) announce(meetingId, version)
  }
}
