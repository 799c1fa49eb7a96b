/**
 * CPU time and memory of a process as Linux accounts them in /proc, so a server's cost is read
 * from the server itself rather than estimated by the load generator.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  } catch {
    return 100
  }
})()

/** The pid and every live descendant (a server may run helpers, e.g. esbuild under tsx). */
function processTree(pid: number): number[] {
  const tree = [pid]
  for (let i = 0; i < tree.length; i++) {
    const tasks = readOrNull(`/proc/${tree[i]}/task`, true)
    for (const tid of tasks ?? []) {
      const children = readOrNull(`/proc/${tree[i]}/task/${tid}/children`)
      for (const child of children?.trim().split(/\s+/) ?? []) if (child) tree.push(Number(child))
    }
  }
  return tree
}

/** User plus system CPU seconds used so far by the process and its descendants. */
export function cpuSeconds(pid: number): number {
  let ticks = 0
  for (const member of processTree(pid)) {
    const fields = statFields(String(member))
    if (fields) ticks += Number(fields[11]) + Number(fields[12])
  }
  return ticks / ticksPerSecond
}

export interface MachineCpu {
  /** CPU seconds used by every process on the machine so far, reaped children included. */
  busy: number
  /** CPU seconds the hypervisor gave to other guests while this one wanted to run. */
  steal: number
}

/**
 * Sums every process's own and reaped children's CPU time: a process that ends moves its time
 * into its parent's, so the sum loses nothing when processes come and go. (/proc/stat's busy
 * time is sampled at each tick and misses timer-driven work like the load generator's.)
 */
export function machineCpu(): MachineCpu {
  let ticks = 0
  for (const pid of readOrNull('/proc', true) ?? []) {
    if (!/^\d+$/.test(pid)) continue
    // utime, stime, cutime, cstime
    for (const field of statFields(pid)?.slice(11, 15) ?? []) ticks += Number(field)
  }
  const steal = Number(readOrNull('/proc/stat')!.split('\n', 1)[0]!.trim().split(/\s+/)[8])
  return { busy: ticks / ticksPerSecond, steal: steal / ticksPerSecond }
}

/**
 * CPU seconds of every process with one of these command names (/proc/<pid>/comm), reaped
 * children included: e.g. PostgreSQL's postmaster and its backends, or redis-server.
 */
export function namedCpuSeconds(names: readonly string[]): number {
  let ticks = 0
  for (const pid of readOrNull('/proc', true) ?? []) {
    if (!/^\d+$/.test(pid) || !names.includes(readOrNull(`/proc/${pid}/comm`)?.trim() ?? '')) {
      continue
    }
    for (const field of statFields(pid)?.slice(11, 15) ?? []) ticks += Number(field)
  }
  return ticks / ticksPerSecond
}

export interface Memory {
  rssMb: number
  peakRssMb: number
}

/** Resident memory of the process itself, now and at its peak. */
export function memory(pid: number): Memory | null {
  const status = readOrNull(`/proc/${pid}/status`)
  if (!status) return null
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1])
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 }
}

/** Fields of /proc/<pid>/stat from the state on, so utime is [11] and stime [12]. */
function statFields(pid: string): string[] | null {
  const stat = readOrNull(`/proc/${pid}/stat`)
  // The command name may hold spaces and parentheses; fields are counted after its ')'.
  return stat ? stat.slice(stat.lastIndexOf(')') + 2).split(' ') : null
}

function readOrNull(file: string): string | null
function readOrNull(folder: string, list: true): string[] | null
function readOrNull(file: string, list = false): string | string[] | null {
  try {
    return list ? fs.readdirSync(file) : fs.readFileSync(file, 'utf8')
  } catch {
    // The process (or a thread) ended between listing and reading.
    return null
  }
}
