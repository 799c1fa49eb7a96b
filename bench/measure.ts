/**
 * One measured run against one server: a fresh server process, a load generator in its own
 * process, and the server's CPU time read from /proc at the start and end of the window the
 * load generator announces.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import type { GeneratorMessage, LoadParams, LoadResult } from './load/messages.ts'
import type { BenchOptions } from './options.ts'
import {
  cpuSeconds,
  machineCpu,
  memory,
  namedCpuSeconds,
  type MachineCpu,
  type Memory,
} from './proc.ts'
import { stop, track } from './processes.ts'
import { startServer, type RunningServer, type ServerName } from './servers.ts'
import { repoRoot } from './traces.ts'

const loadGenerator = path.join(repoRoot, 'bench/load/typing-fanout.ts')

export interface ServerRun {
  server: ServerName
  /** Server CPU over the window; 100 = one full core. */
  cpuPercent: number
  /**
   * CPU used during the window by everything else on the machine (not the server, the load
   * generator or this orchestrator), and stolen by the hypervisor; 100 = one core. Either
   * being high makes the latencies unreliable.
   */
  otherCpuPercent: number
  stealPercent: number
  /** Server memory at the end of the window. */
  memory: Memory | null
  connectMs: number
  load: LoadResult
  /** Warnings and errors the server logged during the run, with counts. */
  serverProblems: Record<string, number>
  serverExit: string
}

export async function measureOnce(name: ServerName, options: BenchOptions): Promise<ServerRun> {
  const server = await startServer(name, { profileDir: options.profileDir })
  let measured: Measured
  let serverExit: string
  try {
    measured = await drive(server, options)
  } finally {
    serverExit = await server.stop()
  }
  return { server: name, ...measured, serverProblems: server.problems(), serverExit }
}

type Measured = Omit<ServerRun, 'server' | 'serverProblems' | 'serverExit'>

async function drive(server: RunningServer, options: BenchOptions): Promise<Measured> {
  const { room, headers } = await server.createRoom()
  const params: LoadParams = {
    syncUrl: server.syncUrl,
    protocol: server.protocol,
    room,
    headers,
    clients: options.clients,
    rate: options.rate,
    warmupSeconds: options.warmupSeconds,
    durationSeconds: options.durationSeconds,
    drainSeconds: options.drainSeconds,
    acks: server.acks,
    tracePath: options.tracePath,
  }
  const { load, servers, otherCpuPercent, stealPercent, connectMs } = await runLoad(
    params,
    [server.pid],
    options,
  )
  return {
    load,
    cpuPercent: servers[0]!.cpuPercent,
    otherCpuPercent,
    stealPercent,
    memory: servers[0]!.memory,
    connectMs,
  }
}

/** What a load run measured, with the CPU and memory of each server process in order. */
export interface LoadRun extends GeneratorRun<LoadResult> {
  load: LoadResult
}

/** P1's load generator (typing fan-out) against servers already started; see runGenerator. */
export async function runLoad(
  params: LoadParams,
  serverPids: readonly number[],
  options: BenchOptions,
  extra: { services?: string[]; onWindow?(phase: 'start' | 'end'): void } = {},
): Promise<LoadRun> {
  // Generous: trace loading and connecting, the run itself, the drain, and the goodbyes.
  const budgetMs =
    (60 + options.warmupSeconds + options.durationSeconds + options.drainSeconds) * 1000
  const run = await runGenerator<LoadResult>(loadGenerator, params, serverPids, {
    ...extra,
    budgetMs,
  })
  return { ...run, load: run.result }
}

/** What a load generator measured, with the CPU and memory of each server process in order. */
export interface GeneratorRun<R> {
  result: R
  servers: { cpuPercent: number; memory: Memory | null }[]
  /** CPU of the `services` processes (e.g. PostgreSQL, Redis), left out of `otherCpuPercent`. */
  servicesCpuPercent: number
  otherCpuPercent: number
  stealPercent: number
  /** From the generator's `connected` message; NaN if it sent none. */
  connectMs: number
}

/**
 * Runs a load generator (`script`, a child process speaking messages.ts's GeneratorMessage)
 * with `params` against servers already started (their pids, for CPU from /proc in the window
 * the generator announces); `services` names processes the servers use (PostgreSQL, Redis)
 * whose CPU is counted apart; `onWindow` is told when the window starts and ends. Fails if no
 * result arrives within `budgetMs`.
 */
export async function runGenerator<R>(
  script: string,
  params: unknown,
  serverPids: readonly number[],
  {
    budgetMs,
    services = [],
    onWindow,
  }: { budgetMs: number; services?: string[]; onWindow?(phase: 'start' | 'end'): void },
): Promise<GeneratorRun<R>> {
  const child = track(
    fork(script, [JSON.stringify(params)], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  let start: CpuSnapshot | undefined
  let cpu: WindowCpu = {
    cpuPercents: serverPids.map(() => Number.NaN),
    servicesCpuPercent: Number.NaN,
    otherCpuPercent: Number.NaN,
    stealPercent: Number.NaN,
  }
  let memories: (Memory | null)[] = serverPids.map(() => null)
  let connectMs = Number.NaN
  const result = new Promise<R>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no result within ${budgetMs} ms`)), budgetMs)
    child.on('message', (message: GeneratorMessage<R>) => {
      if (message.type === 'connected') connectMs = message.connectMs
      else if (message.type === 'window' && message.phase === 'start') {
        start = cpuSnapshot(serverPids, child.pid!, services)
        onWindow?.('start')
      } else if (message.type === 'window' && start) {
        cpu = windowCpu(start, cpuSnapshot(serverPids, child.pid!, services))
        memories = serverPids.map((pid) => memory(pid))
        onWindow?.('end')
      } else if (message.type === 'result') {
        clearTimeout(timer)
        resolve(message.result)
      }
    })
    child.once('error', reject)
    child.once('close', (code) => {
      clearTimeout(timer)
      reject(new Error(`load generator exited (${code}) without a result`))
    })
  })
  try {
    return {
      result: await result,
      servers: cpu.cpuPercents.map((cpuPercent, i) => ({ cpuPercent, memory: memories[i]! })),
      servicesCpuPercent: cpu.servicesCpuPercent,
      otherCpuPercent: cpu.otherCpuPercent,
      stealPercent: cpu.stealPercent,
      connectMs,
    }
  } finally {
    // Once it has reported, the load generator closes its clients and exits by itself.
    await stop(child, { patienceMs: 5000 })
  }
}

interface CpuSnapshot {
  at: number
  servers: number[]
  services: number
  load: number
  self: number
  machine: MachineCpu
}

function cpuSnapshot(
  serverPids: readonly number[],
  loadPid: number,
  services: readonly string[],
): CpuSnapshot {
  const self = process.cpuUsage()
  return {
    at: performance.now(),
    servers: serverPids.map((pid) => cpuSeconds(pid)),
    services: services.length > 0 ? namedCpuSeconds(services) : 0,
    load: cpuSeconds(loadPid),
    self: (self.user + self.system) / 1e6,
    machine: machineCpu(),
  }
}

type WindowCpu = Pick<ServerRun, 'otherCpuPercent' | 'stealPercent'> & {
  cpuPercents: number[]
  servicesCpuPercent: number
}

function windowCpu(start: CpuSnapshot, end: CpuSnapshot): WindowCpu {
  const percent = (seconds: number) => (seconds / ((end.at - start.at) / 1000)) * 100
  const servers = end.servers.map((seconds, i) => seconds - start.servers[i]!)
  const services = end.services - start.services
  const ours =
    servers.reduce((a, b) => a + b, 0) + services + end.load - start.load + end.self - start.self
  return {
    cpuPercents: servers.map(percent),
    servicesCpuPercent: percent(services),
    otherCpuPercent: percent(end.machine.busy - start.machine.busy - ours),
    stealPercent: percent(end.machine.steal - start.machine.steal),
  }
}
