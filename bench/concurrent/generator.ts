/**
 * P8's load generator, a child of the bench (measure.ts runGenerator): one live client per
 * agent of a concurrent trace, each driven by its server's own provider, replaying its agent's
 * edits at the recorded pace (replay.ts). All clients live in this process, so send and
 * receive times share one clock. Parameters come as one JSON argument (messages.ts P8Params);
 * the answer goes back over IPC.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks'
import * as Y from 'yjs'
import { connectClient, ConnectionHealth } from '../load/clients.ts'
import type { GeneratorMessage } from '../load/messages.ts'
import { summarize } from '../stats.ts'
import type { ClientText, P8Params, P8Result } from './messages.ts'
import { makePlan } from './plan.ts'
import { Replay } from './replay.ts'

const SYNC_TIMEOUT_MS = 30_000

const params = JSON.parse(process.argv[2] ?? '{}') as P8Params
const report = (message: GeneratorMessage<P8Result>) => process.send!(message)
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
  // Worked out before anyone connects (a few seconds), so the replay itself only applies
  // updates; makePlan throws if the edits do not merge to endContent in process.
  const plan = makePlan(params.trace, params.speedup)

  const health = new ConnectionHealth()
  const connectStart = performance.now()
  const endpoint = { syncUrl: params.syncUrl, protocol: params.protocol }
  // Plain documents, as an editor has (gc on); each gets its agent's edits as updates.
  const clients = plan.clientIds.map(() =>
    connectClient(endpoint, params.room, health, params.headers, new Y.Doc()),
  )
  await withTimeout(
    Promise.all(clients.map((client) => client.synced())),
    SYNC_TIMEOUT_MS,
    'clients did not sync',
  )
  report({ type: 'connected', connectMs: performance.now() - connectStart })
  // The traces start from an empty document; a fresh server's room is one.
  for (const client of clients) {
    if (client.text.length > 0) throw new Error('the room was not empty when the replay began')
  }

  const replay = new Replay(
    plan,
    clients.map((client) => client.doc),
  )
  const delay = monitorEventLoopDelay({ resolution: 5 })
  delay.enable()
  const cpuAtStart = process.cpuUsage()
  report({ type: 'window', phase: 'start' })
  const scheduledMs = Math.max(...plan.dueMs)
  let timer: NodeJS.Timeout | undefined
  const ranOut = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, scheduledMs + params.drainSeconds * 1000)
  })
  await Promise.race([replay.start(), ranOut])
  clearTimeout(timer)
  const done = !Number.isNaN(replay.finishedAt)
  const endedAt = done ? replay.finishedAt : performance.now()
  const cpu = process.cpuUsage(cpuAtStart)
  delay.disable()
  report({ type: 'window', phase: 'end' })
  replay.stop()
  health.stop()

  const texts = clients.map((client) => client.text.toString())
  const stats = replay.result()
  const seconds = (endedAt - replay.startedAt) / 1000
  report({
    type: 'result',
    result: {
      trace: plan.trace,
      agents: plan.agents,
      edits: plan.edits.length,
      scheduledSeconds: scheduledMs / 1000,
      durationSeconds: seconds,
      finished: done,
      clients: texts.map((text, agent) => compare(agent, text, plan.endContent)),
      clientsAgree: texts.every((text) => text === texts[0]),
      fanOut: summarize(stats.fanOutMs),
      parentWait: summarize(stats.parentWaitMs),
      timerLate: summarize(stats.timerLateMs),
      editsSent: stats.editsSent,
      untimedDeliveries: stats.untimedDeliveries,
      missingDeliveries: stats.missingDeliveries,
      unsentEdits: stats.unsentEdits,
      connectionCloses: health.closes,
      connectionErrors: health.errors,
      loadCpuPercent: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
      eventLoopDelayP99Ms: delay.percentile(99) / 1e6,
      eventLoopDelayMaxMs: delay.max / 1e6,
    },
  })
  for (const client of clients) client.destroy()
  finished = true
  process.disconnect()
}

function compare(agent: number, text: string, endContent: string): ClientText {
  if (text === endContent) {
    return { agent, length: text.length, equalsEndContent: true, difference: null }
  }
  let at = 0
  while (at < text.length && text[at] === endContent[at]) at++
  return {
    agent,
    length: text.length,
    equalsEndContent: false,
    difference: {
      at,
      text: text.slice(at, at + 40),
      endContent: endContent.slice(at, at + 40),
    },
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${message} within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
