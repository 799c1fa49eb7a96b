/**
 * Load generator of P6, cold open. Stores one automerge-paper document in each room (a client
 * sends it and leaves), waits until the server has unloaded them all, then:
 *   cold opens  one client at a time opens a room nobody has open, timed from creating the
 *               client to its text holding the whole document; it leaves and the room unloads
 *               before the next. The window around all of them gives the server's CPU.
 *   memory      the server's memory (after forced garbage collection, inspector.ts) with no
 *               room loaded, then with every room loaded and one client in each.
 * Runs as a child of measure.ts: parameters as one JSON argument, messages over IPC.
 */
import * as Y from 'yjs'
import { readPapers, TEXT_NAME } from '../documents/papers.ts'
import { connectClient, ConnectionHealth, type BenchClient } from '../load/clients.ts'
import type { GeneratorMessage } from '../load/messages.ts'
import { memory } from '../proc.ts'
import type { Room } from '../servers.ts'
import { median } from '../stats.ts'
import { Inspector } from './inspector.ts'
import type { ColdOpenParams, ColdOpenResult, Open, Settled } from './messages.ts'

const OPEN_TIMEOUT_MS = 30_000
/**
 * The peers unload a document when its last client leaves: the reference server at once (its
 * closeConn; y-leveldb already has every update), Hocuspocus once its store hook has run
 * (unloadImmediately, the default). Neither says so from outside, so the bench waits this long;
 * Accord's /metrics is polled instead.
 */
const PEER_UNLOAD_WAIT_MS = 1000
const UNLOAD_TIMEOUT_MS = 30_000
/** Between sending "window start" and the first open: the orchestrator reads /proc then. */
const WINDOW_LEAD_MS = 100
/** After storing, before the opens: Accord projects each stored room as it unloads. */
const SEED_SETTLE_MS = 1000
/** Before each memory reading: late frees, sweeping, socket buffers. */
const SETTLE_MS = 2000
/** How often one client's apply of the document is timed (for the table, not the opens). */
const APPLY_SAMPLES = 5

const params = JSON.parse(process.argv[2] ?? '{}') as ColdOpenParams
const report = (message: GeneratorMessage<ColdOpenResult>) => process.send!(message)
const endpoint = { syncUrl: params.syncUrl, protocol: params.protocol }
let finished = false
process.on('disconnect', () => {
  if (!finished) process.exit(1)
})

/** Socket trouble of every client, counted until the bench closes that client itself. */
const sockets = { closes: {} as Record<string, number>, errors: 0 }
type Client = BenchClient & { health: ConnectionHealth }

function join(room: Room): Client {
  const health = new ConnectionHealth()
  return { ...connectClient(endpoint, room.room, health, room.headers), health }
}

function leave(client: Client): void {
  client.health.stop()
  for (const [code, count] of Object.entries(client.health.closes)) {
    sockets.closes[code] = (sockets.closes[code] ?? 0) + count
  }
  sockets.errors += client.health.errors
  client.destroy()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

async function main(): Promise<void> {
  const papers = readPapers(params.papersFile)
  const paper = papers.updates[0]!
  const expectedText = papers.copyText
  process.setMaxListeners(params.rooms.length + 20)

  const seedStart = performance.now()
  for (const room of params.rooms) await store(room, paper)
  await unloaded(0)
  report({ type: 'connected', connectMs: performance.now() - seedStart })
  await sleep(SEED_SETTLE_MS)

  report({ type: 'window', phase: 'start' })
  await sleep(WINDOW_LEAD_MS)
  const opens: Open[] = []
  for (const room of params.rooms.slice(0, params.opens)) {
    const { client, open } = await openRoom(room, expectedText)
    leave(client)
    opens.push(open)
    await unloaded(0)
  }
  report({ type: 'window', phase: 'end' })

  const inspector = await Inspector.attach(params.serverPid, params.inspectPort)
  const clients: Client[] = []
  let memoryBefore: Settled
  let memoryLoaded: Settled
  let roomsLoaded: number | null
  try {
    memoryBefore = await settled(inspector)
    for (const room of params.rooms) clients.push((await openRoom(room, expectedText)).client)
    roomsLoaded = await accordRooms()
    memoryLoaded = await settled(inspector)
  } finally {
    for (const client of clients) leave(client)
    inspector.close()
  }

  report({
    type: 'result',
    result: {
      documentBytes: paper.byteLength,
      textLength: expectedText.length,
      applyMs: applyTime(paper),
      opens,
      loadedCopies: clients.length,
      memoryBefore,
      memoryLoaded,
      roomsLoaded,
      connectionCloses: sockets.closes,
      connectionErrors: sockets.errors,
    },
  })
  finished = true
  process.disconnect()
}

/**
 * Stores the document in the room: a client syncs, sends it as one update (311 KB, under
 * Accord's 2 MB frame limit) and leaves. Every server has it once it is received (Accord and
 * Hocuspocus store what is pending before a room unloads; the reference server appended it to
 * y-leveldb on arrival); the cold opens check the text.
 */
async function store(room: Room, paper: Uint8Array): Promise<void> {
  const client = join(room)
  try {
    await withTimeout(client.synced(), OPEN_TIMEOUT_MS, `room ${room.room} did not sync`)
    if (client.text.length > 0) throw new Error(`room ${room.room} was not empty`)
    Y.applyUpdate(client.doc, paper)
  } finally {
    // A short goodbye later, so the update leaves before the close (ws sends in order anyway).
    setTimeout(() => leave(client), 50)
  }
  await sleep(50)
}

/** One client opens the room; resolves when its text is the whole document. */
async function openRoom(room: Room, expectedText: string): Promise<{ client: Client; open: Open }> {
  const start = performance.now()
  const client = join(room)
  let syncedMs = Number.NaN
  let syncedEarly = false
  void client.synced().then(() => {
    syncedMs = performance.now() - start
    syncedEarly = client.text.length < expectedText.length
  })
  try {
    await withTimeout(
      untilLength(client, expectedText.length),
      OPEN_TIMEOUT_MS,
      `room ${room.room} did not open with the whole document`,
    )
  } catch (error) {
    leave(client)
    throw error
  }
  const openMs = performance.now() - start
  if (client.text.toString() !== expectedText) {
    leave(client)
    throw new Error(`room ${room.room} opened with a different text than was stored`)
  }
  // The synced event may come after the content (Accord sends its step 1 first).
  await withTimeout(client.synced(), OPEN_TIMEOUT_MS, `room ${room.room} never said synced`)
  return { client, open: { openMs, syncedMs, syncedEarly } }
}

/** Waits until the server holds `rooms` rooms in memory (Accord) or a fixed time (peers). */
async function unloaded(rooms: number): Promise<void> {
  if (!params.metricsUrl) return sleep(PEER_UNLOAD_WAIT_MS)
  const deadline = performance.now() + UNLOAD_TIMEOUT_MS
  for (;;) {
    if ((await accordRooms()) === rooms) return
    if (performance.now() > deadline) {
      throw new Error(`Accord still had rooms loaded ${UNLOAD_TIMEOUT_MS} ms after all left`)
    }
    await sleep(20)
  }
}

/** accord_rooms from Accord's /metrics; null for the peers. */
async function accordRooms(): Promise<number | null> {
  if (!params.metricsUrl) return null
  const text = await (await fetch(params.metricsUrl)).text()
  const match = /^accord_rooms (\d+)$/m.exec(text)
  if (!match) throw new Error('Accord’s /metrics has no accord_rooms')
  return Number(match[1])
}

/** Two full collections, a pause, another: then RSS from /proc and the heap from the server. */
async function settled(inspector: Inspector): Promise<Settled> {
  await sleep(SETTLE_MS)
  await inspector.collectGarbage()
  await inspector.collectGarbage()
  await sleep(SETTLE_MS / 2)
  await inspector.collectGarbage()
  await sleep(200)
  const usage = await inspector.memoryUsage()
  const rssMb = memory(params.serverPid)?.rssMb
  if (rssMb === undefined) throw new Error('the server is gone')
  const mb = (bytes: number) => bytes / 2 ** 20
  return {
    rssMb,
    heapUsedMb: mb(usage.heapUsed),
    externalMb: mb(usage.external),
    arrayBuffersMb: mb(usage.arrayBuffers),
  }
}

/** What applying the document costs a client, the same for every server. */
function applyTime(paper: Uint8Array): number {
  const samples: number[] = []
  for (let i = 0; i < APPLY_SAMPLES; i++) {
    const doc = new Y.Doc()
    const start = performance.now()
    Y.applyUpdate(doc, paper)
    doc.getText(TEXT_NAME).toString()
    samples.push(performance.now() - start)
    doc.destroy()
  }
  return median(samples) ?? Number.NaN
}

function untilLength(client: BenchClient, length: number): Promise<void> {
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
