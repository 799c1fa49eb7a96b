/**
 * Load generator of scenario P4, awareness: every client in one room shows who it is and moves
 * its cursor at a steady pace, and every client watches everyone else's. All clients live in
 * this one process so a move and its arrival elsewhere share a clock. Runs as a child of the
 * orchestrator (measure.ts, through runGenerator): parameters come as one JSON argument,
 * results go back over IPC as GeneratorMessage<AwarenessResult>.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { connectClient, ConnectionHealth, type BenchClient } from '../load/clients.ts'
import type { GeneratorMessage } from '../load/messages.ts'
import { Window } from '../load/window.ts'
import { colourOf, CursorWalk, SEED_TEXT } from './cursors.ts'
import { MoveTracker } from './moves.ts'
import { SETTLE_TIMEOUT_MS, type AwarenessParams, type AwarenessResult } from './params.ts'

const params = JSON.parse(process.argv[2] ?? '{}') as AwarenessParams
const report = (message: GeneratorMessage<AwarenessResult>) => process.send!(message)
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
  // Every y-websocket provider in Node adds an exit listener of its own.
  process.setMaxListeners(params.clients + 10)
  const health = new ConnectionHealth()
  const settleStart = performance.now()
  const endpoint = { syncUrl: params.syncUrl, protocol: params.protocol }
  const clients: BenchClient[] = []
  for (let i = 0; i < params.clients; i++) {
    if (i > 0) await sleep(params.joinSpreadMs / params.clients)
    const client = connectClient(endpoint, params.room, health, params.headers)
    if (params.protocol === 'hocuspocus') dropStateArrays(client.awareness)
    // What an editor sets when it opens: who this is. Accord replaces all of `user` but the
    // colour with the account's own name, organisation and role.
    client.awareness.setLocalStateField('user', { name: `Bench ${i + 1}`, color: colourOf(i) })
    clients.push(client)
  }
  await settle(clients, 'clients did not sync', () => Promise.all(clients.map((c) => c.synced())))
  clients[0]!.text.insert(0, SEED_TEXT)
  await settle(clients, 'clients did not all receive the text and see everyone', () =>
    until(() =>
      clients.every(
        (c) =>
          c.text.length === SEED_TEXT.length && c.awareness.getStates().size === clients.length,
      ),
    ),
  )
  const settleMs = performance.now() - settleStart
  report({ type: 'connected', connectMs: settleMs })

  const window = new Window()
  const tracker = new MoveTracker(
    clients.map((c) => c.awareness),
    clients.map((_, i) => colourOf(i)),
    window,
  )
  const walks = clients.map((c, i) => new CursorWalk(i, c.text))
  const delay = monitorEventLoopDelay({ resolution: 5 })
  let cpuAtStart = process.cpuUsage()
  let cpu = cpuAtStart
  await moveCursors(walks, tracker, window, {
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
  })

  await until(() => tracker.drained, params.drainSeconds * 1000)
  health.stop()
  tracker.check()
  const counts = tracker.result()
  report({
    type: 'result',
    result: {
      windowSeconds: window.seconds,
      ...counts,
      moveRate: counts.movesSent / window.seconds,
      connectionCloses: health.closes,
      connectionErrors: health.errors,
      loadCpuPercent: ((cpu.user + cpu.system) / 1e6 / window.seconds) * 100,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
      settleMs,
    },
  })
  for (const client of clients) client.destroy()
  finished = true
  process.disconnect()
}

/**
 * Moves the cursors open-loop for the warm-up and the window: move m is client m mod n's, due
 * at m / (n × rate) seconds, so each client moves every 1 / rate s and the clients' moves are
 * spread evenly over that period rather than in lockstep. A late timer makes the overdue moves
 * at once rather than slowing the pace.
 */
function moveCursors(
  walks: readonly CursorWalk[],
  tracker: MoveTracker,
  window: Window,
  phases: { onWindowStart(): void; onWindowEnd(): void },
): Promise<void> {
  const { movesPerSecond, warmupSeconds, durationSeconds } = params
  const n = walks.length
  const intervalMs = 1000 / (n * movesPerSecond)
  const start = performance.now()
  const windowStart = start + warmupSeconds * 1000
  const windowEnd = windowStart + durationSeconds * 1000
  let made = 0
  return new Promise((resolve) => {
    const tick = () => {
      const now = performance.now()
      if (now >= windowStart && window.start === Number.POSITIVE_INFINITY) {
        window.start = now
        phases.onWindowStart()
      }
      if (now >= windowEnd) {
        window.end = now
        phases.onWindowEnd()
        return resolve()
      }
      const due = Math.floor((now - start) / intervalMs) + 1
      while (made < due) {
        const client = made++ % n
        tracker.move(client, walks[client]!.next())
      }
      const next = start + made * intervalMs
      const nextPhase = now < windowStart ? windowStart : windowEnd
      setTimeout(tick, Math.max(0, Math.min(next, nextPhase) - performance.now()))
    }
    tick()
  })
}

/**
 * The Hocuspocus provider turns every awareness update into an array of every state, twice
 * (its `awarenessUpdate` and `awarenessChange` events, computed whether anyone listens or not):
 * nothing for one browser, but with 100 clients in one load generator it is about a third of a
 * core, enough to make the generator fall behind its pace and put its own lateness into the
 * latencies. Nothing on the wire changes without them, and nothing here listens to those events.
 * Fails if the provider no longer has them, so a new version is looked at rather than trusted.
 */
function dropStateArrays(awareness: BenchClient['awareness']): void {
  const observers = (awareness as unknown as { _observers: Map<string, Set<() => void>> })
    ._observers
  let dropped = 0
  for (const event of ['update', 'change']) {
    for (const listener of observers.get(event) ?? []) {
      if (String(listener).includes('awarenessStatesToArray')) {
        awareness.off(event as 'update', listener)
        dropped++
      }
    }
  }
  if (dropped !== 2) {
    throw new Error(
      `expected the Hocuspocus provider's 2 awareness listeners that copy every state, found ` +
        `${dropped}; see dropStateArrays in bench/awareness/generator.ts`,
    )
  }
}

/** Waits for `ready`, failing with what to look at if it takes longer than the timeout. */
async function settle(
  clients: readonly BenchClient[],
  what: string,
  ready: () => Promise<unknown>,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const synced = clients.filter((c) => c.text.length === SEED_TEXT.length).length
      const seeing = clients.map((c) => c.awareness.getStates().size)
      reject(
        new Error(
          `${what} within ${SETTLE_TIMEOUT_MS} ms (${synced}/${clients.length} have the text; ` +
            `presence seen: ${Math.min(...seeing)}–${Math.max(...seeing)} of ${clients.length}). ` +
            "Check the server's log and its connection limits.",
        ),
      )
    }, SETTLE_TIMEOUT_MS)
  })
  try {
    await Promise.race([ready(), timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** Resolves once `done()` holds, checked every 20 ms, or once `limitMs` has passed. */
async function until(done: () => boolean, limitMs = Number.POSITIVE_INFINITY): Promise<void> {
  const deadline = performance.now() + limitMs
  while (!done() && performance.now() < deadline) await sleep(20)
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
