/**
 * One measured run against one server: a fresh server process, a load generator in its own
 * process, and the server's CPU time read from /proc at the start and end of the window the
 * load generator announces.
 */
import { fork } from 'node:child_process'
import path from 'node:path'
import type { LoadMessage, LoadParams, LoadResult } from './load/messages.ts'
import type { BenchOptions } from './options.ts'
import { cpuSeconds, machineCpu, memory, type MachineCpu, type Memory } from './proc.ts'
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
  const server = await startServer(name)
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
  const child = track(
    fork(loadGenerator, [JSON.stringify(params)], {
      cwd: repoRoot,
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    }),
  )
  // Generous: trace loading and connecting, the run itself, the drain, and the goodbyes.
  const budgetMs =
    (60 + options.warmupSeconds + options.durationSeconds + options.drainSeconds) * 1000
  let start: CpuSnapshot | undefined
  let cpu: WindowCpu = {
    cpuPercent: Number.NaN,
    otherCpuPercent: Number.NaN,
    stealPercent: Number.NaN,
  }
  let mem: Memory | null = null
  let connectMs = Number.NaN
  const result = new Promise<LoadResult>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no result within ${budgetMs} ms`)), budgetMs)
    child.on('message', (message: LoadMessage) => {
      if (message.type === 'connected') connectMs = message.connectMs
      else if (message.type === 'window' && message.phase === 'start') {
        start = cpuSnapshot(server.pid, child.pid!)
      } else if (message.type === 'window' && start) {
        cpu = windowCpu(start, cpuSnapshot(server.pid, child.pid!))
        mem = memory(server.pid)
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
    return { load: await result, ...cpu, memory: mem, connectMs }
  } finally {
    // Once it has reported, the load generator closes its clients and exits by itself.
    await stop(child, { patienceMs: 5000 })
  }
}

interface CpuSnapshot {
  at: number
  server: number
  load: number
  self: number
  machine: MachineCpu
}

function cpuSnapshot(serverPid: number, loadPid: number): CpuSnapshot {
  const self = process.cpuUsage()
  return {
    at: performance.now(),
    server: cpuSeconds(serverPid),
    load: cpuSeconds(loadPid),
    self: (self.user + self.system) / 1e6,
    machine: machineCpu(),
  }
}

type WindowCpu = Pick<ServerRun, 'cpuPercent' | 'otherCpuPercent' | 'stealPercent'>

function windowCpu(start: CpuSnapshot, end: CpuSnapshot): WindowCpu {
  const percent = (seconds: number) => (seconds / ((end.at - start.at) / 1000)) * 100
  const server = end.server - start.server
  const ours = server + end.load - start.load + end.self - start.self
  return {
    cpuPercent: percent(server),
    otherCpuPercent: percent(end.machine.busy - start.machine.busy - ours),
    stealPercent: percent(end.machine.steal - start.machine.steal),
  }
}
