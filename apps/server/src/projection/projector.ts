import type { Logger } from 'pino'
import type * as Y from 'yjs'
import type { MeetingContext } from './context.ts'
import { CappedDebounce, type DebounceTiming } from './debounce.ts'
import type { Extract } from './extract-contract.ts'
import type { ProjectionStore } from './projection-store.ts'
import { readDocument, type DocumentSnapshot } from './read-document.ts'
import { toLists } from './to-lists.ts'

export interface ProjectorOptions {
  store: ProjectionStore
  /** The meeting's date, organisations and people; undefined when there is nothing to project. */
  context: (meetingId: string) => Promise<MeetingContext | undefined>
  extract: Extract
  /** Tells whoever has the meeting open that a new version is stored. */
  announce: (meetingId: string, version: number) => void
  logger: Logger
  timing?: DebounceTiming
}

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

  /** Reads the document now and stores its structure once earlier projections are done. */
  project(meetingId: string, doc: Y.Doc): Promise<void> {
    let snapshot: DocumentSnapshot
    try {
      snapshot = readDocument(doc)
    } catch (error) {
      this.options.logger.error({ meetingId, err: error }, 'could not read minutes to project')
      return Promise.resolve()
    }
    const next = (this.queues.get(meetingId) ?? Promise.resolve())
      .then(() => this.store(meetingId, snapshot))
      .catch((error: unknown) => {
        this.options.logger.error({ meetingId, err: error }, 'projecting the minutes failed')
      })
    this.queues.set(meetingId, next)
    void next.then(() => {
      if (this.queues.get(meetingId) === next) this.queues.delete(meetingId)
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

  private async store(meetingId: string, { node, dismissed }: DocumentSnapshot): Promise<void> {
    const { context, extract, store, announce, logger } = this.options
    const meeting = await context(meetingId)
    if (!meeting) return
    const started = performance.now()
    const lists = toLists(extract(node, { ...meeting, dismissed }))
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
