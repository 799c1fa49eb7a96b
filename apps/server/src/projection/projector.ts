import type { StructureLists } from '@accord/minutes/structure'
import type { Logger } from 'pino'
import type { RevisedDocument } from '../storage/storage.ts'
import type { MeetingContext } from './context.ts'
import { CappedDebounce, type DebounceTiming } from './debounce.ts'
import type { ProjectionStore } from './projection-store.ts'

/**
 * The rows to store for a meeting whose document is `updates` (as stored): read and extracted by
 * an ExtractionPool worker on the server, by projectState inline where nothing is served
 * (extractInline).
 */
export type ExtractState = (
  meetingId: string,
  updates: readonly Uint8Array[],
  context: MeetingContext,
) => Promise<StructureLists>

export interface ProjectorOptions {
  store: ProjectionStore
  /** The meeting's document as stored, with its revision (Storage.loadWithRevision). */
  load: (meetingId: string) => Promise<RevisedDocument>
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
 * a projection (debounced per meeting); a room leaving memory has its scheduled one run at once.
 * A projection reads the document from storage, not from a room, together with its revision,
 * and stores the structure with that revision: a meeting whose stored revision is ahead of its
 * structure's was changed after its last projection (a crash came first; catch-up.ts). Reading
 * storage also takes in what other servers stored, which a room may not have received yet.
 * Projections of one meeting run one after another, and a projection asked for while another
 * waits to start is that one: it reads storage when it starts, so it holds everything stored
 * before either was asked for. Nothing here may break a room: every failure is logged.
 */
export class Projector {
  private readonly queues = new Map<string, Promise<void>>()
  /** Projections queued that have not started reading yet, by meeting. */
  private readonly waiting = new Map<string, Promise<void>>()
  /** The newest projection of each meeting with one queued, by a counter across meetings. */
  private readonly latest = new Map<string, number>()
  private sequence = 0
  private readonly debounce: CappedDebounce
  private closed = false

  constructor(private readonly options: ProjectorOptions) {
    this.debounce = new CappedDebounce(options.timing ?? DEFAULT_PROJECTION_TIMING, (id) => {
      void this.enqueue(id)
    })
  }

  /** RoomServer's onCommitted and onLoaded: the document changed, or was first seen. */
  readonly committed = (meetingId: string): void => {
    if (this.closed) return
    this.debounce.schedule(meetingId)
  }

  /** RoomServer's onUnload: nobody is typing there any more, so nothing is gained by waiting. */
  readonly unloaded = (meetingId: string): void => {
    if (this.debounce.cancel(meetingId)) void this.enqueue(meetingId)
  }

  /**
   * Stores the meeting's structure from its document as storage holds it when this projection's
   * turn comes; resolves once stored, or once the failure is logged. Once closed, does nothing.
   */
  project(meetingId: string): Promise<void> {
    if (this.closed) return Promise.resolve()
    return this.enqueue(meetingId)
  }

  /** Runs the projections still scheduled and waits for every one under way. */
  async close(): Promise<void> {
    this.closed = true
    for (const meetingId of this.debounce.cancelAll()) void this.enqueue(meetingId)
    while (this.queues.size > 0) await Promise.all(this.queues.values())
  }

  private enqueue(meetingId: string): Promise<void> {
    const waiting = this.waiting.get(meetingId)
    if (waiting) return waiting
    const turn = ++this.sequence
    this.latest.set(meetingId, turn)
    const next = (this.queues.get(meetingId) ?? Promise.resolve())
      .then(() => {
        this.waiting.delete(meetingId)
        return this.storeExclusively(meetingId, turn)
      })
      .catch((error: unknown) => {
        this.options.logger.error({ meetingId, err: error }, 'projecting the minutes failed')
      })
    this.waiting.set(meetingId, next)
    this.queues.set(meetingId, next)
    void next.then(() => {
      if (this.queues.get(meetingId) !== next) return
      this.queues.delete(meetingId)
      this.latest.delete(meetingId)
    })
    return next
  }

  /**
   * Another instance projecting the meeting may have read an older revision than this one will
   * (an edit stored here after its read), so a skipped write is retried until it runs or a
   * newer projection here takes over.
   */
  private async storeExclusively(meetingId: string, turn: number) {
    const { exclusive, lockRetryMs = DEFAULT_LOCK_RETRY_MS, logger } = this.options
    if (!exclusive) return this.store(meetingId)
    for (let attempt = 1; ; attempt++) {
      if (await exclusive(meetingId, () => this.store(meetingId))) return
      const superseded = this.latest.get(meetingId) !== turn || this.debounce.has(meetingId)
      if (superseded) return
      if (attempt === LOCK_ATTEMPTS) {
        logger.warn({ meetingId, attempt }, 'another instance kept projecting; gave up this one')
        return
      }
      await new Promise((resolve) => setTimeout(resolve, lockRetryMs))
    }
  }

  private async store(meetingId: string): Promise<void> {
    const { load, context, extract, store, announce, logger } = this.options
    const meeting = await context(meetingId)
    if (!meeting) return
    const started = performance.now()
    const { updates, revision } = await load(meetingId)
    const loaded = performance.now()
    const lists = await extract(meetingId, updates, meeting)
    const extracted = performance.now()
    const at = new Date().toISOString()
    const version = await store.replaceStructure(meetingId, lists, at, revision)
    logger.debug(
      {
        meetingId,
        revision,
        version,
        loadMs: Math.round(loaded - started),
        extractMs: Math.round(extracted - loaded),
        storeMs: Math.round(performance.now() - extracted),
      },
      'projected the minutes',
    )
    if (version !== null) announce(meetingId, version)
  }
}
