import fs from 'node:fs'

/**
 * Resident memory of a process and of the processes it started, read from /proc (Linux), as
 * the system counts it: what the server holds, and what its converting processes add.
 */
export interface ProcessMemory {
  /** The process's own resident set, in bytes. */
  own: number
  /** Its children's resident sets together (a .docx being converted), in bytes. */
  children: number
  /** How many children it has. */
  childCount: number
}

export function processMemory(pid: number): ProcessMemory {
  const own = residentBytes(pid) ?? 0
  let children = 0
  let childCount = 0
  for (const child of childrenOf(pid)) {
    const bytes = residentBytes(child)
    if (bytes === undefined) continue
    children += bytes
    childCount++
  }
  return { own, children, childCount }
}

function residentBytes(pid: number): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(status)
    return match ? Number(match[1]) * 1024 : undefined
  } catch {
    return undefined // gone meanwhile
  }
}

/** Node starts child processes from its main thread, whose task lists them. */
function childrenOf(pid: number): number[] {
  try {
    const list = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim()
    return list ? list.split(/\s+/).map(Number) : []
  } catch {
    return []
  }
}

/** Samples `pid` every `everyMs` and keeps the peaks, until stopped. */
export class MemoryPeaks {
  peakOwn = 0
  peakTotal = 0
  peakChildren = 0
  private readonly timer: NodeJS.Timeout

  constructor(
    private readonly pid: number,
    everyMs = 10,
  ) {
    this.timer = setInterval(() => this.sample(), everyMs)
  }

  sample(): ProcessMemory {
    const memory = processMemory(this.pid)
    this.peakOwn = Math.max(this.peakOwn, memory.own)
    this.peakChildren = Math.max(this.peakChildren, memory.childCount)
    this.peakTotal = Math.max(this.peakTotal, memory.own + memory.children)
    return memory
  }

  stop(): void {
    clearInterval(this.timer)
    this.sample()
  }
}
