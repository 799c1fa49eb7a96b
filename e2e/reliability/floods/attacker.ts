/**
 * The attacker of floods.test.ts, in its own process (started with `fork`): on `start` it opens
 * the flood and says `flooding` once every socket it holds is in place; on `stop` it stops,
 * waits for the server to close the handshakes it never finished, and sends its report.
 */
import type { WebSocket } from 'ws'
import { HandshakeFlood } from './handshake-flood.ts'
import {
  attackerAddress,
  IDLE,
  INSIDER,
  SLOWLORIS,
  UNAUTHENTICATED,
  type FloodPlan,
  type FromAttacker,
  type ToAttacker,
} from './plan.ts'
import { attempt, tally, UnauthenticatedFlood } from './websocket-flood.ts'

/** Idle and slowloris connections share a source address this many at a time. */
const PER_ADDRESS = 500
/** The insider's sockets opened at once from one address. */
const INSIDER_AT_ONCE = 50

function send(message: FromAttacker) {
  process.send!(message)
}

async function flood(plan: FloodPlan) {
  const base = `ws://127.0.0.1:${plan.port}/sync`
  const idle = new HandshakeFlood({
    port: plan.port,
    kind: 'idle',
    count: plan.idle,
    addressOf: (n) => attackerAddress(IDLE, Math.floor(n / PER_ADDRESS)),
    path: '/',
  })
  const slowloris = new HandshakeFlood({
    port: plan.port,
    kind: 'slowloris',
    count: plan.slowloris,
    addressOf: (n) => attackerAddress(SLOWLORIS, Math.floor(n / PER_ADDRESS)),
    path: `/sync/${plan.meetingId}`,
  })
  const unauthenticated = new UnauthenticatedFlood({
    url: `${base}/${plan.meetingId}`,
    perSecond: plan.unauthenticatedPerSecond,
    addresses: Math.ceil(plan.unauthenticatedPerSecond / plan.attemptsPerAddressPerSecond),
    addressOf: (n) => attackerAddress(UNAUTHENTICATED, n),
  })

  // The insider fills each address up to the cap, then tries `extra` more.
  const held = new Set<WebSocket>()
  const overCap: Record<string, number> = {}
  const heldPerAddress: number[] = []
  const headers = { cookie: plan.insiderCookie }
  for (let a = 0; a < plan.overCapAddresses; a++) {
    const address = attackerAddress(INSIDER, a)
    const before = held.size
    for (let opened = 0; opened < plan.cap; opened += INSIDER_AT_ONCE) {
      const batch = Math.min(INSIDER_AT_ONCE, plan.cap - opened)
      const outcomes = await Promise.all(
        Array.from({ length: batch }, () =>
          attempt(`${base}/${plan.meetingId}`, address, headers, held),
        ),
      )
      for (const outcome of outcomes) tally(overCap, outcome)
    }
    heldPerAddress.push(held.size - before)
    const extra = await Promise.all(
      Array.from({ length: plan.extra }, () =>
        attempt(`${base}/${plan.meetingId}`, address, headers, held),
      ),
    )
    for (const outcome of extra) tally(overCap, outcome)
  }
  await idle.established()
  await slowloris.established()
  send({ type: 'flooding' })

  await new Promise<void>((resolve) =>
    process.on('message', (message: ToAttacker) => {
      if (message.type === 'stop') resolve()
    }),
  )
  const [idleFigures, slowlorisFigures, unauthenticatedOutcomes] = await Promise.all([
    idle.stop(),
    slowloris.stop(),
    unauthenticated.stop(),
  ])
  for (const socket of held) socket.terminate()
  send({
    type: 'report',
    report: {
      idle: idleFigures,
      slowloris: slowlorisFigures,
      unauthenticated: unauthenticatedOutcomes,
      overCap,
      heldPerAddress,
    },
  })
}

process.once('message', (message: ToAttacker) => {
  if (message.type !== 'start') throw new Error(`expected start first, got ${message.type}`)
  flood(message.plan).catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
})
