/**
 * Load generator of P3, join storm. Seeds the room with the 10 × automerge-paper document (one
 * update per copy, so no frame exceeds Accord's 2 MB MAX_MESSAGE_BYTES) from a client that stays
 * connected, so every server keeps the document loaded; then, round after round, `joiners` fresh
 * clients connect in the same event-loop turn and the generator notes when each has the whole
 * document (held-clients.ts says how, and why content is held back during the storm). Runs as a
 * child of measure.ts: parameters as one JSON argument, messages over IPC (bench/load/messages.ts
 * GeneratorMessage); the server's CPU and memory are read by the orchestrator in each round's
 * window.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import { fullLength, readPapers } from '../documents/papers.ts'
import { connectClient, ConnectionHealth, type BenchClient } from '../load/clients.ts'
import type { GeneratorMessage } from '../load/messages.ts'
import { median } from '../stats.ts'
import { HeldClient } from './held-clients.ts'
import type { JoinStormParams, JoinStormResult, RoundResult } from './messages.ts'

/** Seeding 3 MB and reading it back; generous for a slow server. */
const SEED_TIMEOUT_MS = 120_000
/** Every joiner's step 2 must have arrived by then, or the run fails. */
const STORM_TIMEOUT_MS = 60_000
/** After release, for documents that needed messages after the window. */
const COMPLETE_TIMEOUT_MS = 30_000
/**
 * Between sending "window start" and the joins: the orchestrator reads the server's CPU and
 * resets its peak RSS when the message arrives, which must happen before the storm begins.
 */
const WINDOW_LEAD_MS = 100
/** Before each round: the previous round's sockets close and the server settles. */
const ROUND_GAP_MS = 1000
/**
 * After seeding, before the first storm: the server finishes what the seeding started (Accord
 * projects the minutes 300 ms after the last edit, which takes a few hundred ms for 1 MB of
 * text; Hocuspocus's store debounce is 2 s), so no storm overlaps it.
 */
const SEED_SETTLE_MS = 3000

const params = JSON.parse(process.argv[2] ?? '{}') as JoinStormParams
const report = (message: GeneratorMessage<JoinStormResult>) => process.send!(message)
let finished = false
process.on('disconnect', () => {
  if (!finished) process.exit(1)
})

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

async function main(): Promise<void> {
  const papers = readPapers(params.papersFile)
  const expectedLength = fullLength(papers)
  const expectedText = papers.copyText.repeat(papers.updates.length)
  const endpoint = { syncUrl: params.syncUrl, protocol: params.protocol }
  // Every y-websocket provider in Node adds an exit listener of its own.
  process.setMaxListeners(params.joiners + 20)
  // Socket trouble is counted per part and stopped before the bench closes its own clients.
  const health = new ConnectionHealth()
  const closes: Record<string, number> = {}
  let errors = 0
  const tally = (part: ConnectionHealth) => {
    part.stop()
    for (const [code, count] of Object.entries(part.closes))
      closes[code] = (closes[code] ?? 0) + count
    errors += part.errors
  }

  const seedStart = performance.now()
  const seeder = connectClient(endpoint, params.room, health, params.headers)
  await withTimeout(seeder.synced(), SEED_TIMEOUT_MS, 'the seeding client did not sync')
  for (const update of papers.updates) Y.applyUpdate(seeder.doc, update)
  await readBack(endpoint, tally, expectedText)
  const seedMs = performance.now() - seedStart
  report({ type: 'connected', connectMs: seedMs })
  await sleep(SEED_SETTLE_MS)

  const rounds: RoundResult[] = []
  for (let round = 0; round < params.rounds; round++) {
    await sleep(ROUND_GAP_MS)
    rounds.push(await storm(endpoint, tally, expectedLength, expectedText))
  }
  tally(health)
  const documentBytes = Y.encodeStateAsUpdate(seeder.doc).byteLength
  report({
    type: 'result',
    result: {
      documentBytes,
      textLength: expectedLength,
      seedMs,
      rounds,
      connectionCloses: closes,
      connectionErrors: errors,
    },
  })
  seeder.destroy()
  finished = true
  process.disconnect()
}

/** The server has the whole document once a fresh client gets all of it. */
async function readBack(
  endpoint: { syncUrl: string; protocol: JoinStormParams['protocol'] },
  tally: (health: ConnectionHealth) => void,
  expectedText: string,
): Promise<void> {
  const health = new ConnectionHealth()
  const probe = connectClient(endpoint, params.room, health, params.headers)
  try {
    await withTimeout(
      untilLength(probe, expectedText.length),
      SEED_TIMEOUT_MS,
      'a fresh client did not get the seeded document',
    )
    if (probe.text.toString() !== expectedText) {
      throw new Error('the seeded document read back differs from what was sent')
    }
  } finally {
    tally(health)
    probe.destroy()
  }
}

async function storm(
  endpoint: { syncUrl: string; protocol: JoinStormParams['protocol'] },
  tally: (health: ConnectionHealth) => void,
  expectedLength: number,
  expectedText: string,
): Promise<RoundResult> {
  const health = new ConnectionHealth()
  const delay = monitorEventLoopDelay({ resolution: 5 })
  report({ type: 'window', phase: 'start' })
  await sleep(WINDOW_LEAD_MS)
  const cpuAtStart = process.cpuUsage()
  delay.enable()
  const start = performance.now()
  const clients: HeldClient[] = []
  for (let i = 0; i < params.joiners; i++) {
    clients.push(new HeldClient(endpoint, params.room, params.headers, health, expectedLength))
  }
  try {
    await withTimeout(
      Promise.all(clients.map((client) => client.step2())),
      STORM_TIMEOUT_MS,
      `not every one of ${params.joiners} joining clients got the document`,
    )
    const windowMs = Math.max(...clients.map((client) => client.step2At)) - start
    delay.disable()
    const cpu = process.cpuUsage(cpuAtStart)
    report({ type: 'window', phase: 'end' })

    for (const client of clients) client.release()
    await withTimeout(
      Promise.all(clients.map((client) => untilLength(client, expectedLength))),
      COMPLETE_TIMEOUT_MS,
      'joining clients did not complete their document after the storm',
    )
    const wrong = clients.filter((client) => client.text.toString() !== expectedText).length
    if (wrong > 0) throw new Error(`${wrong} joining clients' text differs from the document`)
    return {
      clientMs: clients.map((client) => client.completeAt - start),
      windowMs,
      completedLate: clients.filter((client) => client.completedLive).length,
      applyMs: median(clients.map((client) => Math.max(...client.applyMs))) ?? Number.NaN,
      loadCpuSeconds: (cpu.user + cpu.system) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
    }
  } finally {
    tally(health)
    for (const client of clients) client.destroy()
  }
}

/** Resolves once the client's text has `length` characters. */
function untilLength(client: BenchClient | HeldClient, length: number): Promise<void> {
  return new Promise((resolve) => {
    const check = () => {
      if (client.text.length < length) return
      client.doc.off('update', check)
      resolve()
    }
    client.doc.on('update', check)
    check()
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
