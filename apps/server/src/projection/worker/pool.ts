import { Worker } from 'node:worker_threads'
import type { StructureLists } from '@accord/minutes/structure'
import type { JSONContent } from '@tiptap/core'
import type { Logger } from 'pino'
import type { RenderRequest } from '../../exports/render-minutes.ts'
import type { ImportInput, ImportOutcome } from '../../imports/read-import.ts'
import type { MeetingContext } from '../context.ts'
import type { Task, TaskRequest, TaskResults, WorkerMessage } from './protocol.ts'

export interface ExtractionPoolOptions {
  /** Worker threads; each extracts one meeting at a time. */
  size: number
  /** Longest one extraction may take; its worker is then ended and replaced. */
  timeoutMs: number
  logger: Logger
  /** Heap of each worker: a document that needs more ends its worker, not the server. */
  maxHeapMb?: number
  /** The module the worker runs instead of thread.ts: tests hand in one that crashes at will. */
  module?: URL
}

/**
 * A worker holds about 60 MB once warmed up, and projects 100,000 words within a 100 MB limit
 * (not within 70): this leaves room for several times that before a document ends its worker.
 */
export const DEFAULT_WORKER_HEAP_MB = 512
/** Waits after a worker that died before it was ready, doubling up to the last. */
const RESTART_DELAYS_MS = [100, 1000, 5000, 30_000]

export class ExtractionError extends Error {
  override readonly name = 'ExtractionError'
}

interface Job {
  /** The meeting the task is for, when there is one: for the logs. */
  meetingId: string | undefined
  task: Task
  resolve: (result: TaskResults[Task['kind']]) => void
  reject: (error: Error) => void
}

interface Slot {
  worker: Worker
  ready: boolean
  job?: Job & { id: number; timer: ReturnType<typeof setTimeout> }
  /** Why the worker is ending, once the pool decided it or the worker reported an error. */
  cause?: Error
  /** The pool ended it (a timeout, logged then): its exit is no crash. */
  ended?: boolean
  exited: Promise<void>
}

/**
 * Runs extraction (projections, the demo's review) and the reading of imported minutes on a
 * few worker threads, so reading and extracting a long document never holds the server's
 * event loop. Tasks wait in one queue, first come first served; a worker that crashes or
 * overruns `timeoutMs` is ended, its task rejected, and a fresh worker takes its place.
 * Ordering per meeting is the Projector's: it sends a meeting's next projection only after the
 * last one settled.
 */
export class ExtractionPool {
  private readonly slots = new Set<Slot>()
  private readonly waiting: Job[] = []
  private readonly restarts = new Set<ReturnType<typeof setTimeout>>()
  private readonly readyListeners: (() => void)[] = []
  private nextId = 0
  /** Workers in a row that died before they were ready: how long the next restart waits. */
  private failedStarts = 0
  /** Shutting down: a worker that ends is not replaced. */
  private draining = false
  private closed = false

  constructor(private readonly options: ExtractionPoolOptions) {
    for (let i = 0; i < options.size; i++) this.spawn()
  }

  /** Resolves once every worker has warmed up (the bench and tests wait for it). */
  whenReady(): Promise<void> {
    if (this.allReady()) return Promise.resolve()
    return new Promise((resolve) => this.readyListeners.push(resolve))
  }

  /** The structure of a meeting whose document is `updates`; rejects with an ExtractionError. */
  project(
    meetingId: string,
    updates: readonly Uint8Array[],
    context: MeetingContext,
  ): Promise<StructureLists> {
    return this.run(meetingId, { kind: 'project', updates, context })
  }

  /** The minutes with every strong suggestion accepted, as a Yjs update (the demo's). */
  review(minutes: JSONContent, context: MeetingContext): Promise<Uint8Array> {
    return this.run(undefined, { kind: 'review', minutes, context })
  }

  /** Imported minutes read into a meeting's first document (imports/read-import.ts). */
  readImport(input: ImportInput): Promise<ImportOutcome> {
    return this.run(undefined, { kind: 'import', input })
  }

  /** A meeting's stored minutes read and written out (exports/render-minutes.ts). */
  render(request: RenderRequest): Promise<string | Uint8Array> {
    return this.run(undefined, { kind: 'render', request })
  }

  private run<T extends Task>(
    meetingId: string | undefined,
    task: T,
  ): Promise<TaskResults[T['kind']]> {
    // Draining with no worker left: none will come to answer (see drain()).
    if (this.closed || (this.draining && this.slots.size === 0)) {
      return Promise.reject(new ExtractionError('the extraction pool is closed'))
    }
    return new Promise((resolve, reject) => {
      // The worker answers a task with the result of its kind (protocol.ts).
      const settle = resolve as (result: TaskResults[Task['kind']]) => void
      this.waiting.push({ meetingId, task, resolve: settle, reject })
      this.dispatch()
    })
  }

  /**
   * Keeps working but replaces no worker that ends: a runaway at shutdown then costs one time
   * limit, not one per projection still queued behind it. Work left with no worker is rejected.
   */
  drain(): void {
    this.draining = true
    for (const timer of this.restarts) clearTimeout(timer)
    this.restarts.clear()
    if (this.slots.size === 0) this.rejectWaiting(new ExtractionError('closed'))
  }

  /** Ends every worker; work still waiting or running is rejected. */
  async close(): Promise<void> {
    this.closed = true
    this.draining = true
    for (const timer of this.restarts) clearTimeout(timer)
    this.restarts.clear()
    this.rejectWaiting(new ExtractionError('closed'))
    const exits = [...this.slots].map((slot) => {
      if (slot.job) this.settle(slot, (job) => job.reject(new ExtractionError('closed')))
      void slot.worker.terminate()
      return slot.exited
    })
    await Promise.all(exits)
    for (const listener of this.readyListeners.splice(0)) listener()
  }

  private spawn(): void {
    const { module, maxHeapMb } = this.options
    const worker = new Worker(new URL('./entry.js', import.meta.url), {
      // The entry registers tsx itself: whatever loader flags this process runs with stay here.
      execArgv: [],
      workerData: { module: module?.href },
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb ?? DEFAULT_WORKER_HEAP_MB },
    })
    let exited!: () => void
    const slot: Slot = { worker, ready: false, exited: new Promise((done) => (exited = done)) }
    this.slots.add(slot)
    worker.on('message', (message: WorkerMessage) => this.received(slot, message))
    // An uncaught error, or ERR_WORKER_OUT_OF_MEMORY: 'exit' follows and does the rest.
    worker.on('error', (error) => (slot.cause ??= error))
    worker.once('exit', (code) => {
      this.slots.delete(slot)
      exited()
      this.exited(slot, code)
    })
  }

  private received(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true
      this.failedStarts = 0
      if (this.allReady()) for (const listener of this.readyListeners.splice(0)) listener()
    } else if (slot.job?.id === message.id) {
      if (message.type === 'done') this.settle(slot, (job) => job.resolve(message.result))
      else this.settle(slot, (job) => job.reject(new ExtractionError(message.message)))
    }
    this.dispatch()
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.closed || this.waiting.length === 0) return
      if (!slot.ready || slot.job || slot.cause) continue
      const job = this.waiting.shift()!
      const id = ++this.nextId
      const timer = setTimeout(() => this.timedOut(slot), this.options.timeoutMs)
      slot.job = { ...job, id, timer }
      const request: TaskRequest = { type: 'task', id, task: job.task }
      slot.worker.postMessage(request)
    }
  }

  private timedOut(slot: Slot): void {
    const { timeoutMs, logger } = this.options
    const meetingId = slot.job?.meetingId
    slot.cause = new ExtractionError(`extraction took longer than ${timeoutMs} ms`)
    slot.ended = true
    logger.error({ meetingId, timeoutMs }, 'extraction overran its time; restarting its worker')
    this.settle(slot, (job) => job.reject(slot.cause!))
    void slot.worker.terminate()
  }

  private exited(slot: Slot, code: number): void {
    if (this.closed) return
    const { logger } = this.options
    const cause = slot.cause ?? new ExtractionError(`the extraction worker exited with ${code}`)
    if (slot.ready && !slot.ended) {
      logger.error(
        { meetingId: slot.job?.meetingId, err: cause, code },
        'the extraction worker crashed; restarting it',
      )
    }
    this.settle(slot, (job) => job.reject(new ExtractionError(cause.message, { cause })))
    if (this.draining) {
      if (this.slots.size === 0) this.rejectWaiting(new ExtractionError('closed'))
      return
    }
    if (slot.ready) {
      this.spawn()
      return
    }
    // Died while starting (a broken install, say): nothing would ever answer the queue, so
    // it is told now, and the next try waits longer each time rather than spinning.
    const delay = RESTART_DELAYS_MS[Math.min(this.failedStarts++, RESTART_DELAYS_MS.length - 1)]
    logger.error({ err: cause, code, retryMs: delay }, 'an extraction worker failed to start')
    if (![...this.slots].some((other) => other.ready)) this.rejectWaiting(cause)
    const timer = setTimeout(() => {
      this.restarts.delete(timer)
      this.spawn()
    }, delay)
    this.restarts.add(timer)
  }

  /** Takes the slot's job off it, stops its clock and settles it once. */
  private settle(slot: Slot, outcome: (job: Job) => void): void {
    const job = slot.job
    if (!job) return
    slot.job = undefined
    clearTimeout(job.timer)
    outcome(job)
  }

  private rejectWaiting(error: Error): void {
    for (const job of this.waiting.splice(0)) job.reject(error)
  }

  private allReady(): boolean {
    return this.slots.size === this.options.size && [...this.slots].every((slot) => slot.ready)
  }
}
