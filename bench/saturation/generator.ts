/**
 * Load generator of scenario P2, saturation: one writer replays a real editing trace into a
 * Y.Text as fast as the slowest of the other clients in the room receives it. Closed loop: at
 * most `windowUpdates` writer updates are on their way to the slowest reader at any time, and
 * the next edits go out as soon as it catches up. All clients live in this one process, so send
 * and receive times share a clock. Runs as a child of measure.ts: parameters come as one JSON
 * argument, results go back over IPC (GeneratorMessage of bench/load/messages.ts).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type * as Y from 'yjs'
import { connectClient, ConnectionHealth, type BenchClient } from '../load/clients.ts'
import type { GeneratorMessage } from '../load/messages.ts'
import { Window } from '../load/window.ts'
import { loadSequentialTrace, type SequentialTrace } from '../traces.ts'
import type { SaturationParams, SaturationResult } from './messages.ts'
import { ClosedLoopTracker } from './tracker.ts'

const SYNC_TIMEOUT_MS = 30_000
/**
 * Clients join over this long, as in P1: y-protocols' awareness renews every 15 s, and clients
 * that all joined in one millisecond would renew in one burst that a real room never sees.
 */
const JOIN_SPREAD_MS = 3000
/** The tracker packs the text length into 21 bits of its key (tracker.ts). */
const MAX_TEXT_LENGTH = 0x200000 - 1

const params = JSON.parse(process.argv[2] ?? '{}') as SaturationParams
const report = (message: GeneratorMessage<SaturationResult>) => process.send!(message)
let finished = false
// If the orchestrator dies, nobody is left to read the results: stop loading its server.
process.on('disconnect', () => {
  if (!finished) process.exit(1)
})

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

async function main(): Promise<void> {
  const trace = loadSequentialTrace(params.tracePath)
  // Every y-websocket provider in Node adds an exit listener of its own.
  process.setMaxListeners(params.clients + 10)
  const health = new ConnectionHealth()
  const connectStart = performance.now()
  const endpoint = { syncUrl: params.syncUrl, protocol: params.protocol }
  const writer = connectClient(endpoint, params.room, health, params.headers)
  const readers: BenchClient[] = []
  while (readers.length < params.clients - 1) {
    await sleep(JOIN_SPREAD_MS / params.clients)
    readers.push(connectClient(endpoint, params.room, health, params.headers))
  }
  const clients = [writer, ...readers]
  await withTimeout(
    Promise.all(clients.map((client) => client.synced())),
    SYNC_TIMEOUT_MS,
    'clients did not sync',
  )
  report({ type: 'connected', connectMs: performance.now() - connectStart })

  const window = new Window()
  const tracker = new ClosedLoopTracker(writer, window)
  for (const reader of readers) tracker.watch(reader)
  const edits = new TraceEdits(trace, writer.text)

  // The closed loop. Each time the slowest reader moves on, the writer refills its window once
  // the current I/O phase is done (setImmediate), so every reader message that arrived together
  // is read first and the freed slots go out together, each edit its own transaction and so its
  // own update frame, as in P1.
  let writing = true
  let refillScheduled = false
  const refill = () => {
    refillScheduled = false
    if (!writing) return
    while (tracker.inFlight < params.windowUpdates) tracker.send(() => edits.applyNext())
    tracker.waiting(performance.now())
  }
  tracker.onSlowestMoved(() => {
    if (refillScheduled || !writing) return
    refillScheduled = true
    setImmediate(refill)
  })
  refill()

  const delay = monitorEventLoopDelay({ resolution: 5 })
  await sleep(params.warmupSeconds * 1000)
  window.start = performance.now()
  delay.enable()
  const cpuAtStart = process.cpuUsage()
  report({ type: 'window', phase: 'start' })
  await sleep(params.durationSeconds * 1000)
  window.end = performance.now()
  writing = false
  delay.disable()
  const cpu = process.cpuUsage(cpuAtStart)
  report({ type: 'window', phase: 'end' })

  await drain(tracker, params.drainSeconds * 1000)
  health.stop()

  const sent = tracker.sentInWindow()
  if (sent.total === 0) {
    throw new Error(
      'the writer sent nothing in the window: the readers never caught up (see socket closes)',
    )
  }
  const finalText = writer.text.toString()
  report({
    type: 'result',
    result: {
      windowSeconds: window.seconds,
      updatesSent: sent.total,
      updatesPerSecond: sent.total / window.seconds,
      updatesBySecond: sent.bySecond,
      ...tracker.result(),
      tracePasses: edits.passes,
      divergedReaders: readers.filter((reader) => reader.text.toString() !== finalText).length,
      connectionCloses: health.closes,
      connectionErrors: health.errors,
      loadCpuPercent: ((cpu.user + cpu.system) / 1e6 / window.seconds) * 100,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
    },
  })
  for (const client of clients) client.destroy()
  finished = true
  process.disconnect()
}

/**
 * The trace's edits one at a time, each in its own transaction. A fast server can use all
 * 259,778 edits of automerge-paper within one run, so the writer then starts again at the top
 * of the text: the new pass only ever touches positions up to its own length, which the earlier
 * passes' text (after it) leaves valid, and the readers are compared with the writer, not with
 * the trace's end content.
 */
class TraceEdits {
  passes = 0
  private next = 0
  private passStarted = false
  private readonly peakLength: number

  constructor(
    private readonly trace: SequentialTrace,
    private readonly text: Y.Text,
  ) {
    this.peakLength = peakLength(trace)
  }

  applyNext(): void {
    if (!this.passStarted) {
      if (this.text.length + this.peakLength > MAX_TEXT_LENGTH) {
        throw new Error(`the writer used the trace ${this.passes} times; the tracking has no room`)
      }
      this.passes++
      this.passStarted = true
      // The start content (none in automerge-paper) is a pass's first edit.
      if (this.trace.startContent) {
        this.text.doc!.transact(() => this.text.insert(0, this.trace.startContent))
        return
      }
    }
    const { patches } = this.trace.txns[this.next]!
    this.text.doc!.transact(() => {
      for (const [position, deleteCount, insertText] of patches) {
        if (deleteCount > 0) this.text.delete(position, deleteCount)
        if (insertText) this.text.insert(position, insertText)
      }
    })
    if (++this.next === this.trace.txns.length) {
      this.next = 0
      this.passStarted = false
    }
  }
}

/** The longest the trace's text gets while it is replayed. */
function peakLength(trace: SequentialTrace): number {
  let length = trace.startContent.length
  let peak = length
  for (const { patches } of trace.txns) {
    for (const [, deleteCount, insertText] of patches) {
      length += insertText.length - deleteCount
      peak = Math.max(peak, length)
    }
  }
  return peak
}

/** Resolves once every reader has every update, or after `ms`. */
function drain(tracker: ClosedLoopTracker, ms: number): Promise<void> {
  if (tracker.drained) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer)
      stopListening()
      resolve()
    }
    const timer = setTimeout(done, ms)
    const stopListening = tracker.onSlowestMoved(() => {
      if (tracker.drained) done()
    })
  })
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
