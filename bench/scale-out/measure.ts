/**
 * Scenario P7, scale-out: P1's typing load on two Accord instances that share PostgreSQL and
 * fan out over Redis, against the same load on one instance. Every run starts its servers
 * fresh in a PostgreSQL schema of its own (bench_<random>, dropped afterwards) and, with two
 * instances, a Redis prefix of its own (bench:<random>:).
 */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import type { Instance, LoadParams, LoadResult } from '../load/messages.ts'
import { runLoad } from '../measure.ts'
import type { BenchOptions } from '../options.ts'
import type { Memory } from '../proc.ts'
import { startServer, type RunningServer } from '../servers.ts'

/**
 * one-postgres  the baseline: one instance on PostgreSQL, no Redis, every client on it
 * two-redis     two instances on one PostgreSQL schema and one Redis prefix, clients split
 * one-sqlite    P1's Accord: one instance on SQLite in a temporary DATA_DIR, for reference
 */
export const setups = ['one-postgres', 'two-redis', 'one-sqlite'] as const
export type Setup = (typeof setups)[number]

export const setupLabels: Record<Setup, string> = {
  'one-postgres': 'one instance, PostgreSQL',
  'two-redis': 'two instances, PostgreSQL + Redis',
  'one-sqlite': 'one instance, SQLite (P1)',
}

/** Process names of the services the instances use, whose CPU is reported apart. */
const SERVICES = ['postgres', 'redis-server']

/** RoomServer.fanoutStats as /metrics shows them; they only grow. */
export interface FanoutCounters {
  publishes: number
  publishTurns: number
  maxPublishesPerRoomPerTurn: number
}

export interface InstanceRun {
  instance: Instance
  /** Server CPU over the window; 100 = one full core. */
  cpuPercent: number
  memory: Memory | null
  /** Counters after the drain (the whole run: joins, window and drain), null without Redis. */
  fanout: FanoutCounters | null
  /** Publishes per second inside the window. */
  publishesPerSecond: number | null
  /** Warnings and errors the server logged, with counts. */
  problems: Record<string, number>
  exit: string
}

export interface ScaleOutRun {
  setup: Setup
  /** Readers connected to each instance (the writer is on the first). */
  readers: Record<Instance, number>
  instances: InstanceRun[]
  /**
   * CPU of every PostgreSQL and Redis process on the machine over the window (100 = one
   * core), whoever they worked for; left out of `otherCpuPercent`.
   */
  servicesCpuPercent: number
  otherCpuPercent: number
  stealPercent: number
  connectMs: number
  load: LoadResult
}

/** Readers on the second instance: half the clients, the writer's half one reader short. */
export function secondReaders(clients: number): number {
  return Math.floor(clients / 2)
}

export async function measureScaleOut(setup: Setup, options: BenchOptions): Promise<ScaleOutRun> {
  const id = randomBytes(6).toString('hex')
  const schema = `bench_${id}`
  const postgres = {
    DATABASE_URL: options.databaseUrl,
    DATABASE_SCHEMA: schema,
  }
  const redis = { REDIS_URL: options.redisUrl, REDIS_PREFIX: `bench:${id}:` }
  const envs: Record<string, string>[] =
    setup === 'one-sqlite'
      ? [{}]
      : setup === 'one-postgres'
        ? [postgres]
        : [
            { ...postgres, ...redis },
            { ...postgres, ...redis },
          ]
  const servers: RunningServer[] = []
  const exits: string[] = []
  try {
    // One after the other: each migrates the shared schema when it starts.
    for (const env of envs)
      servers.push(await startServer('accord', { env, profileDir: options.profileDir }))
    const measured = await drive(servers, options)
    for (const server of servers) exits.push(await server.stop())
    return {
      setup,
      ...measured,
      instances: measured.instances.map((instance, i) => ({
        ...instance,
        problems: servers[i]!.problems(),
        exit: exits[i]!,
      })),
    }
  } finally {
    for (const server of servers.slice(exits.length)) await server.stop()
    if (setup !== 'one-sqlite') await dropSchema(options.databaseUrl, schema)
  }
}

type Driven = Omit<ScaleOutRun, 'setup' | 'instances'> & {
  instances: Omit<InstanceRun, 'problems' | 'exit'>[]
}

async function drive(servers: RunningServer[], options: BenchOptions): Promise<Driven> {
  const [first, second] = servers as [RunningServer, RunningServer | undefined]
  // Sessions live in PostgreSQL: the cookie made on the first instance opens the second too.
  const { room, headers } = await first.createRoom()
  const onSecond = second ? secondReaders(options.clients) : 0
  const params: LoadParams = {
    syncUrl: first.syncUrl,
    protocol: first.protocol,
    room,
    headers,
    clients: options.clients,
    rate: options.rate,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
    drainSeconds: options.drainSeconds,
    acks: first.acks,
    tracePath: options.tracePath,
    ...(second ? { second: { syncUrl: second.syncUrl, readers: onSecond } } : {}),
  }
  const reads: Partial<Record<'start' | 'end', Promise<(FanoutCounters | null)[]>>> = {}
  const readAll = () => Promise.all(servers.map((server) => fanoutCounters(server.baseUrl)))
  const run = await runLoad(
    params,
    servers.map((server) => server.pid),
    options,
    { services: SERVICES, onWindow: (phase) => (reads[phase] = readAll()) },
  )
  const [atStart, atEnd, afterDrain] = await Promise.all([reads.start, reads.end, readAll()])
  const windowSeconds = run.load.windowSeconds
  return {
    readers: { first: options.clients - 1 - onSecond, second: onSecond },
    instances: servers.map((_, i) => {
      const start = atStart?.[i]
      const end = atEnd?.[i]
      return {
        instance: i === 0 ? 'first' : 'second',
        cpuPercent: run.servers[i]!.cpuPercent,
        memory: run.servers[i]!.memory,
        fanout: afterDrain[i] ?? null,
        publishesPerSecond: start && end ? (end.publishes - start.publishes) / windowSeconds : null,
      }
    }),
    servicesCpuPercent: run.servicesCpuPercent,
    otherCpuPercent: run.otherCpuPercent,
    stealPercent: run.stealPercent,
    connectMs: run.connectMs,
    load: run.load,
  }
}

/** The fan-out gauges from the instance's /metrics; null when it has no fan-out (all zero). */
async function fanoutCounters(baseUrl: string): Promise<FanoutCounters | null> {
  const response = await fetch(`${baseUrl}/metrics`)
  if (!response.ok) throw new Error(`GET ${baseUrl}/metrics: ${response.status}`)
  const text = await response.text()
  const value = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'm').exec(text)
    if (!match) throw new Error(`${name} is not in ${baseUrl}/metrics`)
    return Number(match[1])
  }
  const counters = {
    publishes: value('accord_fanout_publishes_total'),
    publishTurns: value('accord_fanout_publish_turns_total'),
    maxPublishesPerRoomPerTurn: value('accord_fanout_max_publishes_per_room_per_turn'),
  }
  return counters.publishes === 0 && counters.publishTurns === 0 ? null : counters
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`)
  } finally {
    await client.end()
  }
}
