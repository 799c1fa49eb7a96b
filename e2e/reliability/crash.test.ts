/**
 * Jepsen-style crash test against the promise Accord makes (README, "Reliability"): an edit the
 * server acknowledged as saved survives the server being killed, and every replica converges.
 *
 * Ten meetings each replay clownschool (three real typists, at the recorded pace) through the
 * real server, one live client per typist: 20 clients type, 30 in all. The server is killed
 * with SIGKILL at random moments and restarted on the same data. After each restart, before
 * any typist reconnects (their reconnection would re-send what the server lost and hide the
 * loss), a fresh client reads each meeting and must hold every edit acknowledged before the
 * kill. The last kill comes just after the last keystroke is typed, with edits in flight; from
 * that restart, every replica must be identical within 5 s. The text every client ends with
 * must be the trace's endContent: an edit applied twice or lost would change it.
 */
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, expect, it } from 'vitest'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { AccordClient } from '@accord/server/testing'
import { waitFor, type Client } from '@accord/sync/testing'
import { planFor, type Plan } from '../../bench/concurrent/plan.ts'
import { holds, Replay } from '../../bench/concurrent/replay.ts'
import { readConcurrentTrace, tracePath } from '../../bench/concurrent/trace.ts'
import { startServerProcess, type ServerProcess } from '../support/server-process.ts'
import { LONG, report, scaled } from './scale.ts'

const here = path.dirname(fileURLToPath(import.meta.url))
/** Short form: clownschool's first minute (a fixture: npm test cannot read ../shared). */
const TRACE_FILE = scaled(
  path.join(here, 'crash/clownschool-first-minute.json.gz'),
  tracePath('clownschool'),
)
const MEETINGS = 10
const KILLS = scaled(3, 50)
const CONVERGED_WITHIN_MS = 5000
const SEED = Number(process.env.ACCORD_SEED ?? Date.now() % 2 ** 31)

const servers: ServerProcess[] = []
const clients: Client[] = []

afterAll(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await Promise.all(servers.map((server) => server.kill()))
})

interface Meeting {
  id: string
  /** One live client per typist of the trace. */
  typists: Client[]
  replay: Replay
  /** `acknowledged[agent]`: how many of that typist's edits the server has said are saved. */
  acknowledged: number[]
}

it(
  `keeps every acknowledged edit, exactly once, across ${KILLS} SIGKILLs (seed ${SEED})`,
  async () => {
    const generator = prng.create(SEED)
    const random = () => prng.real53(generator)
    // Speed 1: the recorded pace.
    const plan = planFor('clownschool', readConcurrentTrace(TRACE_FILE), 1)
    let server = await startServerProcess()
    servers.push(server)
    const chair = new AccordClient(server.url)
    await chair.signUp('Owen')
    const meetings = await openMeetings(chair, plan)
    await Promise.all(meetings.flatMap((m) => m.typists.map((typist) => typist.synced())))

    const typedAll = () =>
      meetings.every((m) =>
        plan.byAgent.every((own, agent) => m.replay.typedBy(agent) === own.length),
      )
    const lastDue = Math.max(...plan.dueMs)
    // Random moments while people type (a random edit's due time, plus up to 200 ms: a kill in
    // a pause of the recording would find nothing in flight); the last follows the last edit.
    const killAt = Array.from(
      { length: KILLS - 1 },
      () => plan.dueMs[Math.floor(random() * plan.dueMs.length)]! + random() * 200,
    ).sort((a, b) => a - b)
    const finished = Promise.all(meetings.map((m) => m.replay.start()))
    const startedAt = performance.now()

    let editsChecked = 0
    let lost = 0
    let lastRestartAt = 0
    for (let kill = 0; kill < KILLS; kill++) {
      if (kill < KILLS - 1) {
        await sleep(killAt[kill]! - (performance.now() - startedAt))
      } else {
        await waitFor(typedAll, {
          timeout: scaled(120_000, 600_000),
          message: 'typing never ended',
        })
        await sleep(random() * 200)
      }
      const acknowledged = meetings.map((m) => [...m.acknowledged])
      await server.kill()
      for (const typist of meetings.flatMap((m) => m.typists)) typist.provider.disconnect()

      server = await startServerProcess({ dataDir: server.dataDir, port: server.port })
      servers.push(server)
      lastRestartAt = performance.now()
      for (const [i, meeting] of meetings.entries()) {
        const missing = await missingAcknowledged(server, chair, meeting.id, plan, acknowledged[i]!)
        editsChecked += acknowledged[i]!.reduce((sum, count) => sum + count, 0)
        lost += missing.length
        expect(missing, `edits acknowledged before kill ${kill + 1}, then lost`).toEqual([])
      }
      for (const typist of meetings.flatMap((m) => m.typists)) typist.provider.connect()
      // The long form runs for most of an hour: say how far it has got.
      console.log(
        `crash: kill ${kill + 1} of ${KILLS} at ${((performance.now() - startedAt) / 60_000).toFixed(1)} min, ` +
          `${editsChecked} acknowledged edits checked, all present`,
      )
    }

    const complete = (m: Meeting) =>
      identical(m.typists.map((typist) => typist.doc)) &&
      m.typists[0]!.doc.getText('text').toString() === plan.endContent
    await waitFor(() => meetings.every(complete), {
      timeout: CONVERGED_WITHIN_MS,
      message: 'replicas still differ, or lack edits',
    })
    const convergedMs = performance.now() - lastRestartAt
    expect(convergedMs).toBeLessThanOrEqual(CONVERGED_WITHIN_MS)
    await finished
    // The server holds it all too: a fresh client receives exactly the typists' document.
    for (const meeting of meetings) {
      const reader = await readMeeting(server, chair, meeting.id)
      const docs = [...meeting.typists.map((typist) => typist.doc), reader]
      expect(identical(docs)).toBe(true)
      for (const doc of docs) {
        expect(doc.getText('text').toString()).toBe(plan.endContent)
        expect(doc.store.pendingStructs).toBeNull()
        expect(doc.store.pendingDs).toBeNull()
      }
      reader.destroy()
    }

    const typists = plan.byAgent.filter((own) => own.length > 0).length * MEETINGS
    report({
      test: 'crash',
      runs: 1,
      faults: KILLS,
      checked: editsChecked,
      unit: 'acknowledged edits checked after kills',
      losses: lost,
      notes:
        `${MEETINGS} meetings × ${plan.agents} clients (${typists} typing), ` +
        `${plan.edits.length * MEETINGS} edits typed over ${Math.round(lastDue / 1000)} s ` +
        `(${LONG ? 'clownschool' : "clownschool's first minute"} at its recorded pace); ` +
        `identical ${Math.round(convergedMs)} ms after the last restart; seed ${SEED}`,
    })
  },
  scaled(180_000, 2 * 3600_000),
)

async function openMeetings(chair: AccordClient, plan: Plan<string>): Promise<Meeting[]> {
  const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
    name: 'Crash test coalition',
    organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
  })
  const meetings: Meeting[] = []
  for (let i = 0; i < MEETINGS; i++) {
    const { meeting } = await chair.expect(
      201,
      'POST',
      `/api/coalitions/${membership.coalition.id}/meetings`,
      { title: `Crash test ${i + 1}`, date: '2026-11-23' },
    )
    const typists = Array.from({ length: plan.agents }, () => chair.sync(meeting.id, new Y.Doc()))
    clients.push(...typists)
    const replay = new Replay(
      plan,
      typists.map((typist) => typist.doc),
    )
    const acknowledged = new Array<number>(plan.agents).fill(0)
    typists.forEach((typist, agent) => {
      // Saved means the server committed every frame this client sent: all it has typed.
      typist.saveStatus.onChange((saved) => {
        if (saved) acknowledged[agent] = replay.typedBy(agent)
      })
    })
    meetings.push({ id: meeting.id, typists, replay, acknowledged })
  }
  return meetings
}

/** The indices of acknowledged edits a fresh client of the restarted server does not hold. */
async function missingAcknowledged(
  server: ServerProcess,
  chair: AccordClient,
  meetingId: string,
  plan: Plan<string>,
  acknowledged: number[],
): Promise<number[]> {
  const doc = await readMeeting(server, chair, meetingId)
  const missing = plan.byAgent.flatMap((own, agent) =>
    own.slice(0, acknowledged[agent]).filter((index) => !holds(doc, plan.edits[index]!)),
  )
  doc.destroy()
  return missing
}

/** What the server holds of a meeting, as a new client receives it. */
async function readMeeting(server: ServerProcess, chair: AccordClient, meetingId: string) {
  const reader = new AccordClient(server.url)
  reader.cookie = chair.cookie
  const client = reader.sync(meetingId, new Y.Doc())
  await client.synced()
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(client.doc))
  client.destroy()
  return doc
}

function identical(docs: Y.Doc[]): boolean {
  const [first, ...rest] = docs.map((doc) => ({
    text: doc.getText('text').toString(),
    stateVector: Buffer.from(Y.encodeStateVector(doc)).toString('base64'),
  }))
  return rest.every((d) => d.text === first!.text && d.stateVector === first!.stateVector)
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)))
}
