/**
 * One P6 run against one server: a fresh server process that keeps its documents on disk
 * (servers.ts `persist`: SQLite for Accord, y-leveldb for the reference server, SQLite through
 * its Database extension for Hocuspocus), one room per stored copy, and the cold-open generator
 * in its own process (generator.ts). The server's CPU is read from /proc around the cold opens.
 */
import net from 'node:net'
import path from 'node:path'
import { runGenerator } from '../measure.ts'
import type { BenchOptions } from '../options.ts'
import { cpuSeconds } from '../proc.ts'
import { startServer, type Room, type ServerName } from '../servers.ts'
import { repoRoot } from '../traces.ts'
import type { ColdOpenParams, ColdOpenResult } from './messages.ts'

const generator = path.join(repoRoot, 'bench/cold-open/generator.ts')

/** Rooms, each storing one automerge-paper: all are loaded at once for the memory per copy. */
export const STORED_COPIES = 20
/** Cold opens per run, one after another, each of a different room; the run's median. */
export const OPENS = 10
/**
 * The bench makes one account per room (servers.ts createRoom signs up) and opens ~50 sockets
 * from one address; Accord's per-address limits (30 sign-ups an hour, 300 sockets a minute)
 * would soon refuse the later runs' rooms, so they are raised.
 */
export const ACCORD_ENV = {
  RATE_SIGN_UP_PER_ADDRESS: '100000',
  RATE_CONNECTIONS_PER_ADDRESS: '100000',
}
/** What each server keeps its documents in during P6. */
export const STORAGE: Record<ServerName, string> = {
  accord: 'SQLite (its own, synchronous=FULL)',
  'y-websocket-server': 'y-leveldb (YPERSISTENCE)',
  hocuspocus: 'SQLite (Database extension, as extension-sqlite)',
}

export interface ColdOpenRun extends ColdOpenResult {
  server: ServerName
  /** Server CPU over the cold opens (their window, unload waits included), ms per open. */
  serverCpuMsPerOpen: number
  /** CPU of every other process during the cold opens (100 = one core), and steal. */
  otherCpuPercent: number
  stealPercent: number
  serverProblems: Record<string, number>
  serverExit: string
}

export async function measureColdOpen(
  name: ServerName,
  options: BenchOptions,
  papersFile: string,
): Promise<ColdOpenRun> {
  const inspectPort = await freePort()
  const server = await startServer(name, {
    profileDir: options.profileDir,
    persist: true,
    env: {
      ...(name === 'accord' ? ACCORD_ENV : {}),
      // Opens nothing by itself: SIGUSR1 opens the inspector on this port (inspector.ts).
      NODE_OPTIONS: [process.env.NODE_OPTIONS, `--inspect-port=127.0.0.1:${inspectPort}`]
        .filter(Boolean)
        .join(' '),
    },
  })
  let result: ColdOpenResult
  let machine = { otherCpuPercent: Number.NaN, stealPercent: Number.NaN }
  let serverCpu = { start: Number.NaN, end: Number.NaN }
  let serverExit: string
  try {
    const rooms: Room[] = []
    for (let i = 0; i < STORED_COPIES; i++) rooms.push(await server.createRoom())
    const params: ColdOpenParams = {
      syncUrl: server.syncUrl,
      protocol: server.protocol,
      rooms,
      papersFile,
      opens: OPENS,
      serverPid: server.pid,
      metricsUrl: name === 'accord' ? `${server.baseUrl}/metrics` : null,
      inspectPort,
    }
    const run = await runGenerator<ColdOpenResult>(generator, params, [server.pid], {
      budgetMs: 300_000,
      onWindow(phase) {
        if (phase === 'start') serverCpu = { start: cpuSeconds(server.pid), end: Number.NaN }
        else serverCpu.end = cpuSeconds(server.pid)
      },
    })
    result = run.result
    machine = { otherCpuPercent: run.otherCpuPercent, stealPercent: run.stealPercent }
  } finally {
    serverExit = await server.stop()
  }
  return {
    server: name,
    ...result,
    serverCpuMsPerOpen: ((serverCpu.end - serverCpu.start) * 1000) / result.opens.length,
    ...machine,
    serverProblems: withoutInspectorLines(server.problems()),
    serverExit,
  }
}

/** Node announces the inspector SIGUSR1 opened on stderr; that is the bench's doing. */
function withoutInspectorLines(problems: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(problems).filter(
      ([line]) =>
        !line.startsWith('Debugger listening on ws://') &&
        !line.startsWith('For help, see: https://nodejs.org/en/docs/inspector') &&
        !line.startsWith('Debugger attached.') &&
        !line.startsWith('Debugger ending on') &&
        !line.startsWith('Waiting for the debugger to disconnect'),
    ),
  )
}

/** A port free on 127.0.0.1 right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}
