/**
 * The servers under test, each started fresh in its own process on 127.0.0.1:
 *   accord              apps/server (SQLite in a new temporary DATA_DIR), rooms are meetings
 *   y-websocket-server  @y/websocket-server, the reference; in memory, any room name works
 *   hocuspocus          @hocuspocus/server, in memory, spoken to with its own provider
 * With `persist` the peers keep their documents on disk in the same temporary folder.
 * The peers run from bench/peers/ (plain JavaScript, as their users deploy them).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { AccordClient } from '@accord/server/testing'
import type { Endpoint, Protocol } from './load/clients.ts'
import { isRunning, removeFolder, stop, track, trackFolder } from './processes.ts'
import { repoRoot } from './traces.ts'

export const serverNames = ['accord', 'y-websocket-server', 'hocuspocus'] as const
export type ServerName = (typeof serverNames)[number]

export interface RunningServer extends Endpoint {
  name: ServerName
  pid: number
  /** http://127.0.0.1:<port>, for the API and /metrics. */
  baseUrl: string
  /** Whether the server sends Accord's durable acknowledgements (message type 64). */
  acks: boolean
  /** A room to load, and the headers a client needs to open it. */
  createRoom(): Promise<Room>
  /** Warnings and errors the server logged, with how often each occurred. */
  problems(): Record<string, number>
  /** Stops the server and removes its data; returns how it exited. */
  stop(): Promise<string>
}

export interface Room {
  room: string
  headers: Record<string, string>
}

const HOST = '127.0.0.1'
const START_TIMEOUT_MS = 30_000

interface Spec {
  args(port: number, dataDir: string): { argv: string[]; env: Record<string, string> }
  ready(base: string): Promise<boolean>
  /** Where clients connect; y-websocket clients append the room name. */
  syncUrl(port: number): string
  protocol: Protocol
  createRoom(base: string): Promise<Room>
  acks: boolean
  /** Turns a line of output into a problem worth reporting, or null. */
  problem(line: string, stream: 'stdout' | 'stderr'): string | null
  /** Environment that keeps the documents on disk in `dataDir` (StartOptions.persist). */
  persist(dataDir: string): Record<string, string>
}

const specs: Record<ServerName, Spec> = {
  accord: {
    // `--import tsx` keeps the server in this one process, so /proc shows its own CPU time.
    args: (port, dataDir) => ({
      argv: ['--import', 'tsx', path.join(repoRoot, 'apps/server/src/main.ts')],
      // Every bench client comes from 127.0.0.1: the per-address cap on open websockets is for
      // floods, not for a load generator standing in for a whole coalition.
      env: {
        HOST,
        PORT: String(port),
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        MAX_CONNECTIONS_PER_ADDRESS: '100000',
      },
    }),
    ready: async (base) => {
      const response = await fetch(`${base}/api/health`)
      return response.ok && ((await response.json()) as { ok?: boolean }).ok === true
    },
    syncUrl: (port) => `ws://${HOST}:${port}/sync`,
    protocol: 'y-websocket',
    // Every client is the coalition's chair, signed in once: one person in many tabs.
    createRoom: async (base) => {
      const chair = new AccordClient(base)
      await chair.signUp('Bench')
      const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
        name: 'Bench coalition',
        organisation: { name: 'Bench Trust', shortName: 'BT' },
      })
      const { meeting } = await chair.expect(
        201,
        'POST',
        `/api/coalitions/${membership.coalition.id}/meetings`,
        { title: 'Bench', date: '2026-11-23' },
      )
      return { room: meeting.id as string, headers: { cookie: chair.cookie! } }
    },
    acks: true,
    // Always: every update is in SQLite under DATA_DIR before anyone sees it.
    persist: () => ({}),
    problem: (line) => {
      let entry: { level?: number; msg?: string }
      try {
        entry = JSON.parse(line) as typeof entry
      } catch {
        return line
      }
      // Expected: the bench serves the API and websocket only.
      if (entry.msg?.startsWith('The web client is not built')) return null
      return (entry.level ?? 0) >= 40 ? `level ${entry.level}: ${entry.msg}` : null
    },
  },
  'y-websocket-server': {
    args: (port) => ({
      argv: [path.join(repoRoot, 'bench/peers/y-websocket-server.mjs')],
      env: { HOST, PORT: String(port) },
    }),
    ready: async (base) => (await fetch(base)).ok,
    syncUrl: (port) => `ws://${HOST}:${port}`,
    protocol: 'y-websocket',
    createRoom: () => Promise.resolve({ room: `bench-${crypto.randomUUID()}`, headers: {} }),
    acks: false,
    problem: (line, stream) => (stream === 'stderr' ? line : null),
    // Its documented persistence: y-leveldb in this folder (every update appended as it comes).
    persist: (dataDir) => ({ YPERSISTENCE: path.join(dataDir, 'leveldb') }),
  },
  hocuspocus: {
    args: (port) => ({
      argv: [path.join(repoRoot, 'bench/peers/hocuspocus.mjs')],
      env: { HOST, PORT: String(port) },
    }),
    ready: async (base) => (await fetch(base)).ok,
    syncUrl: (port) => `ws://${HOST}:${port}`,
    protocol: 'hocuspocus',
    createRoom: () => Promise.resolve({ room: `bench-${crypto.randomUUID()}`, headers: {} }),
    acks: false,
    problem: (line, stream) => (stream === 'stderr' ? line : null),
    // Its Database extension over SQLite, as @hocuspocus/extension-sqlite does it (peers/).
    persist: (dataDir) => ({ HOCUSPOCUS_SQLITE: path.join(dataDir, 'hocuspocus.sqlite') }),
  },
}

export interface StartOptions {
  /** Added to the server's environment: P7 points Accord at PostgreSQL and Redis. */
  env?: Record<string, string>
  /**
   * Writes a V8 CPU profile of the server (node --cpu-prof) into this folder when it stops,
   * to see where its CPU goes: open it in Chrome DevTools or speedscope.
   */
  profileDir?: string
  /**
   * The peers keep their documents on disk too (they keep them in memory by default), so a
   * document nobody has open is read back from storage: the reference server with y-leveldb
   * (YPERSISTENCE), Hocuspocus with SQLite. Accord always stores. P6 cold open uses it.
   */
  persist?: boolean
}

export async function startServer(
  name: ServerName,
  extra: StartOptions = {},
): Promise<RunningServer> {
  const spec = specs[name]
  const dataDir = trackFolder(fs.mkdtempSync(path.join(os.tmpdir(), `accord-bench-${name}-`)))
  const port = await freePort()
  const { argv, env } = spec.args(port, dataDir)
  if (extra.persist) Object.assign(env, spec.persist(dataDir))
  Object.assign(env, extra.env)
  if (extra.profileDir) {
    // A folder per server run: each thread (the tsx loader has its own) writes its own file.
    const folder = path.join(
      extra.profileDir,
      `${name}-${new Date().toISOString().replace(/[:.]/g, '-')}`,
    )
    fs.mkdirSync(folder, { recursive: true })
    argv.unshift('--cpu-prof', '--cpu-prof-dir', folder)
  }
  const baseEnv = { ...process.env }
  // The reference server would persist to LevelDB if this were set: only `persist` sets it.
  delete baseEnv.YPERSISTENCE
  // Storage and fan-out are what the run asks for (`extra.env`), never the shell's.
  delete baseEnv.DATABASE_URL
  delete baseEnv.DATABASE_SCHEMA
  delete baseEnv.REDIS_URL
  delete baseEnv.REDIS_PREFIX
  const child = track(
    spawn(process.execPath, argv, {
      cwd: repoRoot,
      env: { ...baseEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  )
  const problems: Record<string, number> = {}
  const output: string[] = []
  for (const stream of ['stdout', 'stderr'] as const) {
    let rest = ''
    child[stream]!.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n')
      rest = lines.pop()!
      for (const line of lines) {
        if (output.length < 50) output.push(line)
        const problem = line.trim() && spec.problem(line, stream)
        if (problem) problems[problem] = (problems[problem] ?? 0) + 1
      }
    })
  }
  const base = `http://${HOST}:${port}`
  try {
    await waitUntilReady(
      child,
      () => spec.ready(base),
      () => output.join('\n'),
    )
  } catch (error) {
    await stop(child)
    removeFolder(dataDir)
    throw error
  }
  return {
    name,
    pid: child.pid!,
    syncUrl: spec.syncUrl(port),
    protocol: spec.protocol,
    baseUrl: base,
    acks: spec.acks,
    createRoom: () => spec.createRoom(base),
    problems: () => ({ ...problems }),
    async stop() {
      const died = isRunning(child) ? null : `exited early (${child.exitCode ?? child.signalCode})`
      await stop(child)
      removeFolder(dataDir)
      return died ?? `stopped (${child.exitCode ?? child.signalCode})`
    },
  }
}

async function waitUntilReady(
  child: ChildProcess,
  ready: () => Promise<boolean>,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS
  while (Date.now() < deadline) {
    if (!isRunning(child)) throw new Error(`server exited before it was ready:\n${output()}`)
    if (await ready().catch(() => false)) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`server not ready after ${START_TIMEOUT_MS} ms:\n${output()}`)
}

/** A port free on 127.0.0.1 right now (the OS picks it; the server binds it moments later). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, HOST, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
