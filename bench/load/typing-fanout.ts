/**
 * Load generator of scenario P1, typing fan-out: one writer replays a real editing trace into a
 * Y.Text at a fixed rate while every other client in the room watches the text. All clients
 * live in this one process so send and receive times share a clock. Runs as a child of
 * bench/run.ts: parameters come as one JSON argument, results go back over IPC (messages.ts).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import type * as Y from 'yjs'
import { loadSequentialTrace, type Patch } from '../traces.ts'
import { AckTracker } from './acks.ts'
import { connectClient, ConnectionHealth, type BenchClient } from './clients.ts'
import { FanOutTracker } from './fan-out.ts'
import type { Summary } from '../stats.ts'
import type { Instance, LoadMessage, LoadParams } from './messages.ts'
import { Window } from './window.ts'

const SYNC_TIMEOUT_MS = 30_000
/**
 * Clients join over this long, as people do. y-protocols' awareness checks every 3 s whether
 * its 15 s renewal is due, so clients that all join in one millisecond renew in one burst:
 * 50 renewals fanned out to 49 clients each, every 15 s, which a real room does not see.
 */
const JOIN_SPREAD_MS = 3000

const params = JSON.parse(process.argv[2] ?? '{}') as LoadParams
const report = (message: LoadMessage) => process.send!(message)
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
  const needed = Math.ceil(params.rate * (params.warmupSeconds + params.durationSeconds))
  if (needed > trace.txns.length) {
    throw new Error(`the trace has ${trace.txns.length} edits; this run needs ${needed}`)
  }

  // Every y-websocket provider in Node adds an exit listener of its own.
  process.setMaxListeners(params.clients + 10)
  const health = new ConnectionHealth()
  const connectStart = performance.now()
  const window = new Window()
  const first = { syncUrl: params.syncUrl, protocol: params.protocol }
  const writer = connectClient(first, params.room, health, params.headers)
  // Before the socket opens: the server counts the writer's sync step 2 as its first frame.
  const acks = params.acks ? new AckTracker(writer.yWebsocket!, window) : null
  const readers: BenchClient[] = []
  const instanceOf: Instance[] = []
  while (readers.length < params.clients - 1) {
    await new Promise((resolve) => setTimeout(resolve, JOIN_SPREAD_MS / params.clients))
    const instance = onSecond(readers.length) ? 'second' : 'first'
    const endpoint =
      instance === 'second' ? { syncUrl: params.second!.syncUrl, protocol: params.protocol } : first
    readers.push(connectClient(endpoint, params.room, health, params.headers))
    instanceOf.push(instance)
  }
  const clients = [writer, ...readers]
  await withTimeout(
    Promise.all(clients.map((client) => client.synced())),
    SYNC_TIMEOUT_MS,
    'clients did not sync',
  )
  report({ type: 'connected', connectMs: performance.now() - connectStart })

  const fanOut = new FanOutTracker(writer, window)
  readers.forEach((reader, i) => fanOut.watch(reader, params.second ? instanceOf[i] : undefined))
  if (trace.startContent) fanOut.send(() => writer.text.insert(0, trace.startContent))

  const delay = monitorEventLoopDelay({ resolution: 5 })
  let cpuAtStart = process.cpuUsage()
  let cpu = cpuAtStart
  await replay(trace.txns, writer.text, fanOut, {
    onWindowStart() {
      delay.enable()
      cpuAtStart = process.cpuUsage()
      report({ type: 'window', phase: 'start' })
    },
    onWindowEnd() {
      delay.disable()
      cpu = process.cpuUsage(cpuAtStart)
      report({ type: 'window', phase: 'end' })
    },
    window,
  })

  const drainUntil = performance.now() + params.drainSeconds * 1000
  while (!(fanOut.drained && (acks?.drained ?? true)) && performance.now() < drainUntil) {
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  health.stop()

  const updatesSent = fanOut.updatesInWindow
  const finalText = writer.text.toString()
  report({
    type: 'result',
    result: {
      windowSeconds: window.seconds,
      updatesSent,
      sendRate: updatesSent / window.seconds,
      ...fanOut.result(),
      ...(params.second
        ? { fanOutByInstance: fanOut.groupResults() as Record<Instance, Summary> }
        : {}),
      divergedReaders: readers.filter((reader) => reader.text.toString() !== finalText).length,
      ack: acks?.result() ?? null,
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
 * P7: whether the i-th reader to join goes to the second instance. Every other one does, from
 * the first, until `second.readers` have, so both instances fill up over the same join spread.
 */
function onSecond(i: number): boolean {
  return params.second !== undefined && i % 2 === 0 && i / 2 < params.second.readers
}

/**
 * Sends the trace's edits open-loop at `params.rate`, each edit its own transaction and so its
 * own update frame; a late timer sends the overdue edits at once rather than slowing the rate.
 */
function replay(
  txns: readonly { patches: Patch[] }[],
  text: Y.Text,
  fanOut: FanOutTracker,
  phases: { window: Window; onWindowStart(): void; onWindowEnd(): void },
): Promise<void> {
  const { rate, warmupSeconds, durationSeconds } = params
  const start = performance.now()
  const windowStart = start + warmupSeconds * 1000
  const windowEnd = windowStart + durationSeconds * 1000
  let sent = 0
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now()
      if (now >= windowStart && phases.window.start === Number.POSITIVE_INFINITY) {
        phases.window.start = now
        phases.onWindowStart()
      }
      if (now >= windowEnd) {
        phases.window.end = now
        phases.onWindowEnd()
        return resolve()
      }
      const due = Math.min(txns.length, Math.floor(((now - start) / 1000) * rate))
      while (sent < due) {
        const { patches } = txns[sent++]!
        fanOut.send(() => applyPatches(text, patches))
      }
      const nextSend = start + ((sent + 1) * 1000) / rate
      const nextPhase = now < windowStart ? windowStart : windowEnd
      setTimeout(tick, Math.max(0, Math.min(nextSend, nextPhase) - performance.now()))
    }
    tick()
  })
}

function applyPatches(text: Y.Text, patches: readonly Patch[]): void {
  text.doc!.transact(() => {
    for (const [position, deleteCount, insertText] of patches) {
      if (deleteCount > 0) text.delete(position, deleteCount)
      if (insertText) text.insert(position, insertText)
    }
  })
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
