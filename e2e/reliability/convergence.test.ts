import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { SqliteStorage } from '../../apps/server/src/storage/sqlite/storage.ts'
import { runScenario } from './convergence/run.ts'
import { scenario } from './convergence/scenario.ts'
import { report, scaled } from './scale.ts'

/**
 * Yjs-style seeded convergence testing through Accord's real room server: 3–7 real
 * y-websocket replicas edit the plain text and the minutes (the editor's way) while a
 * simulated network reorders, duplicates and loses frames and drops connections. Once the
 * network heals, every replica, the server's room and the stored document must be the same
 * document, with nothing pending. ACCORD_SEED and ACCORD_PATH replay one failing run.
 */
const RUNS = scaled(200, 10_000)
const TIME_LIMIT_MS = scaled(120_000, 4 * 60 * 60_000)

const replaySeed = process.env.ACCORD_SEED
const replayPath = process.env.ACCORD_PATH

// The real embedded store, as the app runs it (WAL, synchronous=FULL), in a directory of its
// own; each run has a document of its own in it. Its writes are synchronous, so a seed
// replays the same interleaving; it costs little here (runs take milliseconds each).
let dataDir: string
let store: SqliteStorage

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-convergence-'))
  store = new SqliteStorage(dataDir)
})

afterAll(async () => {
  await store.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

it(
  'replicas converge through the room server whatever the network does',
  async () => {
    const started = performance.now()
    let runs = 0
    let edits = 0
    let faults = 0
    let refused = 0
    const seed = replaySeed === undefined ? Date.now() % 2 ** 31 : Number(replaySeed)
    // Printed first: a run cut short by the test's timeout can still be replayed.
    console.log(`convergence: seed ${seed}`)

    const property = fc.asyncProperty(scenario, async (generated) => {
      runs++
      const figures = await runScenario(generated, store, `convergence-${runs}`)
      edits += figures.edits
      const { drops, duplicates, reorders, reconnects, serverCloses } = figures.network
      faults += drops + duplicates + reorders + reconnects
      refused += serverCloses.length
    })
    const details = await fc.check(property, {
      seed,
      numRuns: replayPath === undefined ? RUNS : 1,
      ...(replayPath === undefined ? {} : { path: replayPath, endOnFailure: true }),
      // Shrinking a long failing run can take minutes; stop in time to print what it found.
      interruptAfterTimeLimit: TIME_LIMIT_MS - 30_000,
      markInterruptAsFailure: true,
    })
    if (details.failed) {
      const replay =
        `ACCORD_SEED=${details.seed} ACCORD_PATH=${details.counterexamplePath} ` +
        'npx vitest run e2e/reliability/convergence.test.ts'
      if (details.counterexample === null) {
        throw new Error(`Out of time after ${details.numRuns} runs (seed ${details.seed})`)
      }
      throw new Error(
        `Replicas did not converge (seed ${details.seed}, path ${details.counterexamplePath}).\n` +
          `Replay: ${replay}\n` +
          `Counterexample: ${fc.stringify(details.counterexample)}\n` +
          `Failure: ${String(details.errorInstance)}`,
        { cause: details.errorInstance },
      )
    }
    expect(details.numRuns).toBe(replayPath === undefined ? RUNS : 1)
    const seconds = Math.round((performance.now() - started) / 1000)
    report({
      test: 'convergence',
      runs: details.numRuns,
      faults,
      checked: edits,
      unit: 'edits',
      losses: 0,
      notes:
        `seed ${details.seed}, ${seconds} s; ${refused} out-of-order frames refused ` +
        'by closing the connection (reorder mode only)',
    })
  },
  TIME_LIMIT_MS,
)
