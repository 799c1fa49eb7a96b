import fs from 'node:fs'
import * as decoding from 'lib0/decoding'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import os from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedCoalition, type SeededCoalition } from '@accord/server/testing'
import { checkUpdate, CloseCode } from '@accord/sync'
import { waitFor, type Client } from '@accord/sync/testing'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { craftedFrames, EMPTY_UPDATE_FRAME, isCounted, looksValid, mutate } from './fuzz/frames.ts'
import { FuzzSocket } from './fuzz/fuzz-socket.ts'
import { decodeRecording } from './fuzz/recording.ts'
import { sample, ServerWatch, type ServerSample } from './fuzz/server-watch.ts'
import { LONG, report, scaled } from './scale.ts'

/**
 * Protocol fuzzing (issue 8): frames mutated from a recorded real session
 * (fuzz/session.bin.gz, made by fuzz/record-session.ts) and crafted frames at the limits, sent
 * over real sockets as a signed-in member to the real server in a child process, while a
 * bystander keeps editing the same meeting. The server must never crash, never block its event
 * loop for more than 100 ms, keep its memory bounded, and close only the socket that sent a
 * frame it refuses.
 */
const FRAMES = scaled(20_000, 1_000_000)
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)
/** The frame limit the server runs with (MAX_MESSAGE_BYTES): crafted frames fill it. */
const MAX_BYTES = 2 * 1024 * 1024
/** The issue's bound. Blocks are measured inside the server: see fuzz/server-watch.ts. */
const MAX_LOOP_BLOCK_MS = 100
/** Memory after the frames stop, over memory before they start: what accepted content adds. */
const MAX_RSS_GROWTH_BYTES = scaled(256, 512) * 1024 * 1024
/** Close codes a refused frame may bring (PROTOCOL.md): anything else is not about the frame. */
const REFUSALS: readonly number[] = [
  CloseCode.UnsupportedData,
  CloseCode.InvalidPayload,
  CloseCode.MessageTooBig,
]
const PARALLEL_SOCKETS = 3

const session = decodeRecording(fs.readFileSync(new URL('./fuzz/session.bin.gz', import.meta.url)))
/** Every frame of the session, both ways: the server's own messages are mutated too. */
const recorded = session.map((frame) => frame.bytes)
/** What the client sent, in order: a run of these must pass. */
const clientFrames = session.filter((frame) => frame.sent).map((frame) => frame.bytes)
/** The recorded document, to tell which mutated updates refer only to content the room has. */
const recordedDoc = new Y.Doc()
for (const bytes of clientFrames) {
  if (isCounted(bytes)) Y.applyUpdate(recordedDoc, syncPayload(bytes))
}

function syncPayload(bytes: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(bytes)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}

/**
 * Frames expected to pass: they decode, and an update refers only to the recorded session's
 * content, which the room holds (see beforeAll). Only used to group frames per socket.
 */
function likelyAccepted(bytes: Uint8Array): boolean {
  if (!looksValid(bytes)) return false
  if (!isCounted(bytes)) return true
  const known = (client: number) => Y.getState(recordedDoc.store, client)
  return checkUpdate(syncPayload(bytes), known).refused === null
}

let server: ServerProcess
let coalition: SeededCoalition
let watch: ServerWatch
let bystander: Client
let reader: Client
let before: ServerSample
const bystanderLines: string[] = []
let bystanderDisconnects = 0
let typing: NodeJS.Timeout | undefined
let maxAckMs = 0

beforeAll(async () => {
  server = await startServerProcess({
    env: {
      MAX_MESSAGE_BYTES: String(MAX_BYTES),
    },
  })
  // The event-loop figure is wall time: on a shared 2-core machine, time the OS gives to other
  // processes (this test's own frame generation among them) would count as a block. At a
  // higher priority the server is rarely waiting for a core, so what is measured is its own
  // work. Raising priority needs root (CI and these machines have it); without it the
  // measurement stands, noisier.
  try {
    os.setPriority(server.process.pid!, -10)
  } catch (error) {
    console.warn(`could not raise the server's priority: ${(error as Error).message}`)
  }
  coalition = await seedCoalition(server.url)

  // The chair types a line every 100 ms for the whole run; an observer reads along.
  bystander = coalition.chair.sync(coalition.meetingId)
  reader = coalition.observer.sync(coalition.meetingId)
  await bystander.synced()
  await reader.synced()
  bystander.provider.on('status', ({ status }: { status: string }) => {
    if (status !== 'connected') bystanderDisconnects++
  })
  let unackedSince: number | undefined
  bystander.saveStatus.onChange((saved) => {
    if (saved && unackedSince !== undefined) {
      maxAckMs = Math.max(maxAckMs, performance.now() - unackedSince)
      unackedSince = undefined
    }
  })
  typing = setInterval(() => {
    const line = `bystander line ${bystanderLines.length}`
    bystanderLines.push(line)
    unackedSince ??= performance.now()
    bystander.text.insert(bystander.text.length, `${line}\n`)
  }, 100)
  // The room holds the recorded session, as it would after that session: replayed and mutated
  // frames refer to its content.
  const seed = await openSocket()
  const seeded = await sendRun(seed, clientFrames, clientFrames.filter(isCounted).length)
  if (seeded.outcome !== 'committed')
    throw new Error(`the recorded session was refused: ${seed.closeCode}`)
  seed.close()
  // Start-up (loading modules, warming the projection) is not what is measured: let it pass.
  await new Promise((resolve) => setTimeout(resolve, 1000))
  watch = new ServerWatch(server.url)
  await watch.start()
  before = await sample(server.url)
}, 60_000)

afterAll(async () => {
  clearInterval(typing)
  bystander?.destroy()
  reader?.destroy()
  await server?.stop()
})

async function openSocket(): Promise<FuzzSocket> {
  return FuzzSocket.open(server.url, coalition.meetingId, coalition.member.cookie!)
}

/** Sends frames then an empty update, and waits until the server acknowledged all of them. */
async function sendRun(socket: FuzzSocket, frames: readonly Uint8Array[], counted: number) {
  for (const frame of frames) socket.send(frame)
  socket.send(EMPTY_UPDATE_FRAME)
  return { counted: counted + 1, outcome: await socket.settle(counted + 1, 30_000) }
}

describe('the sync server under fuzzed frames', () => {
  it('refuses known-bad frames by closing only their socket, with the documented code', async () => {
    const cases: [name: string, bytes: Uint8Array, code: number][] = [
      ['unknown message type', new Uint8Array([9, 0]), CloseCode.UnsupportedData],
      [
        'truncated update',
        clientFrames.find((f) => f[0] === 0 && f[1] === 2)!.slice(0, -2),
        CloseCode.InvalidPayload,
      ],
      ['oversize frame', new Uint8Array(MAX_BYTES + 16), CloseCode.MessageTooBig],
    ]
    for (const [name, bytes, code] of cases) {
      const socket = await openSocket()
      const { counted } = await sendRun(socket, [], 0)
      socket.send(bytes)
      socket.send(EMPTY_UPDATE_FRAME)
      expect(await socket.settle(counted + 1, 10_000), name).toBe('closed')
      expect(socket.closeCode, name).toBe(code)
    }
    expect(bystanderDisconnects).toBe(0)
  })

  it(
    `survives crafted and ${FRAMES} mutated frames with the bystander editing throughout`,
    async () => {
      const generator = prng.create(SEED)
      const random = () => prng.real53(generator)
      console.log(`fuzz seed ${SEED} (FUZZ_SEED=${SEED} reproduces the mutated frames)`)
      const closeCodes = new Map<number, number>()
      const countClose = (code: number) => closeCodes.set(code, (closeCodes.get(code) ?? 0) + 1)
      let sent = 0
      let checked = 0
      let socketsClosed = 0
      let validLookingRefused = 0
      let invalidLookingAccepted = 0
      const started = performance.now()

      // 1. Crafted frames, each on its own socket, after a run of real frames it must not spoil.
      const crafted = craftedFrames(MAX_BYTES)
      const blocks: string[] = []
      await watch.takeWindow()
      for (const { name, bytes } of crafted) {
        const socket = await openSocket()
        const real = clientFrames.slice(0, 20)
        const first = await sendRun(socket, real, real.filter(isCounted).length)
        expect(first.outcome, `real frames before "${name}" (${socket.closeCode})`).toBe(
          'committed',
        )
        socket.send(bytes)
        socket.send(EMPTY_UPDATE_FRAME)
        const outcome = await socket.settle(first.counted + 1, 30_000)
        sent += real.length + 3
        checked += real.length + 1
        if (outcome === 'closed') {
          socketsClosed++
          countClose(socket.closeCode!)
          expect(REFUSALS, `"${name}" closed its socket with ${socket.closeCode}`).toContain(
            socket.closeCode,
          )
        } else {
          socket.close()
        }
        // A frame that does not decode must be refused; one that does may be stored.
        if (!looksValid(bytes)) expect(outcome, `"${name}" was not refused`).toBe('closed')
        const block = await watch.takeWindow()
        if (block > MAX_LOOP_BLOCK_MS) blocks.push(`"${name}": ${Math.round(block)} ms`)
      }

      // 2. Mutated frames: per socket a run expected to pass, then one expected to be refused.
      let next = 0
      const draw = (wantValid: boolean) => {
        for (;;) {
          const frame = mutate(recorded, random)
          if (wantValid ? likelyAccepted(frame) : !looksValid(frame)) return frame
        }
      }
      const worker = async () => {
        let socket = await openSocket()
        let counted = 0
        while (next < FRAMES) {
          const runLength = 20 + Math.floor(random() * 180)
          next += runLength + 1
          const run = Array.from({ length: runLength }, () => draw(true))
          const result = await sendRun(socket, run, counted + run.filter(isCounted).length)
          counted = result.counted
          sent += run.length + 1
          if (result.outcome === 'closed') {
            // A frame that decodes can still be refused (say, content the room lacks, which
            // other mutated frames it accepted may change).
            validLookingRefused++
          } else {
            checked += run.length + 1
            const bad = draw(false)
            socket.send(bad)
            socket.send(EMPTY_UPDATE_FRAME)
            sent += 2
            if ((await socket.settle(counted + 1, 30_000)) === 'committed') {
              // Awareness entries older than what the room holds are skipped unread.
              invalidLookingAccepted++
              expect(bad[0], 'a frame that does not decode was accepted').toBe(1)
              counted++
              checked++
              continue
            }
            checked++
          }
          socketsClosed++
          countClose(socket.closeCode!)
          expect(REFUSALS).toContain(socket.closeCode)
          socket = await openSocket()
          counted = 0
        }
        socket.close()
      }
      await Promise.all(Array.from({ length: PARALLEL_SOCKETS }, worker))
      const seconds = (performance.now() - started) / 1000

      // 3. The bystander's edits all arrive, acknowledged, and the reader sees every one.
      clearInterval(typing)
      await waitFor(() => bystander.saveStatus.saved, {
        timeout: 10_000,
        message: "the bystander's last edits were not acknowledged",
      })
      await waitFor(() => bystanderLines.every((line) => reader.text.toString().includes(line)), {
        timeout: 10_000,
        message: "the reader did not receive every one of the bystander's lines",
      })
      await new Promise((resolve) => setTimeout(resolve, 2000))
      await watch.stop()
      const after = await sample(server.url)

      const rss = (s: ServerSample) => `${Math.round(s.rssBytes / 2 ** 20)} MiB`
      const heap = (s: ServerSample) => `${Math.round(s.heapUsedBytes / 2 ** 20)} MiB`
      const notes =
        `seed ${SEED}, ${Math.round(sent / seconds)} frames/s, max event-loop block ` +
        `${Math.round(watch.maxBlockMs)} ms (wall-clock delay ${Math.round(watch.maxLoopMs)} ms), RSS ${rss(before)}→${rss(after)}, heap ` +
        `${heap(before)}→${heap(after)}, sockets closed ${socketsClosed} ` +
        `(${[...closeCodes].map(([code, n]) => `${code}×${n}`).join(', ')}), ` +
        `${validLookingRefused} decodable runs refused, ${invalidLookingAccepted} stale ` +
        `awareness accepted, ${crafted.length} crafted, bystander ${bystanderLines.length} ` +
        `lines, slowest ack ${Math.round(maxAckMs)} ms, ${watch.healthChecks} health checks`
      console.log(`fuzz: ${notes}`)

      expect(server.process.exitCode, server.output().slice(-4000)).toBeNull()
      expect(blocks, 'crafted frames that blocked the event loop').toEqual([])
      expect(watch.failures).toEqual([])
      expect(bystanderDisconnects, 'the bystander was disconnected').toBe(0)
      expect(watch.maxBlockMs, 'longest event-loop block (ms)').toBeLessThan(MAX_LOOP_BLOCK_MS)
      expect(after.rssBytes - before.rssBytes, `RSS ${rss(before)}→${rss(after)}`).toBeLessThan(
        MAX_RSS_GROWTH_BYTES,
      )
      expect(sent).toBeGreaterThanOrEqual(FRAMES)
      report({ test: 'fuzz', runs: 1, faults: sent, checked, unit: 'frames', losses: 0, notes })
    },
    LONG ? 40 * 60_000 : 120_000,
  )
})
