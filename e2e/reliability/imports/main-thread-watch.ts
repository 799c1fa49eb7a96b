import fs from 'node:fs'
import { sample } from '../fuzz/server-watch.ts'

/** /proc counts a thread's CPU time in ticks of 1/100 s: what one reading can be short by. */
const TICK_MS = 10

/**
 * Watches a server's event loop from outside, as fuzz/server-watch.ts does (`/api/health` and
 * the `/metrics` event-loop histogram every 100 ms), but bounds each window's block by the CPU
 * time of the server's main thread alone (/proc/<pid>/task/<pid>/stat) rather than of the whole
 * process. An import keeps the server's worker threads and converting processes busy: their CPU
 * says nothing about the event loop, while on a busy 2-core machine the loop's wall-clock delay
 * also counts the time the main thread waited for a core. A block the server's own work on its
 * loop causes takes as much of that thread's CPU as it lasts, so the smaller of the two bounds
 * it.
 */
export class MainThreadWatch {
  /** The longest event-loop delay seen, wall time. */
  maxLoopMs = 0
  /** The longest delay the main thread's own work can account for. */
  maxBlockMs = 0
  readonly failures: string[] = []
  private lastCpuMs = 0
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> = Promise.resolve()

  constructor(
    private readonly baseUrl: string,
    private readonly pid: number,
    private readonly everyMs = 100,
  ) {}

  /** Resets the server's histogram first, so what came before is not counted. */
  async start(): Promise<void> {
    await sample(this.baseUrl)
    this.lastCpuMs = this.mainThreadCpuMs()
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.check())
    }, this.everyMs)
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
    await this.check()
  }

  private async check(): Promise<void> {
    try {
      const health = await fetch(`${this.baseUrl}/api/health`, {
        signal: AbortSignal.timeout(5000),
      })
      if (!health.ok) this.failures.push(`/api/health answered ${health.status}`)
      const { loopMaxMs } = await sample(this.baseUrl)
      const cpuMs = this.mainThreadCpuMs()
      const blockMs = Math.min(loopMaxMs, cpuMs - this.lastCpuMs + TICK_MS)
      this.lastCpuMs = cpuMs
      this.maxLoopMs = Math.max(this.maxLoopMs, loopMaxMs)
      this.maxBlockMs = Math.max(this.maxBlockMs, blockMs)
    } catch (error) {
      this.failures.push(`the server did not answer: ${(error as Error).message}`)
    }
  }

  /** User and system time of the main thread, whose task id is the process id. */
  private mainThreadCpuMs(): number {
    const stat = fs.readFileSync(`/proc/${this.pid}/task/${this.pid}/stat`, 'utf8')
    // Fields after the command name (which may hold spaces, inside parentheses): utime and
    // stime are the 14th and 15th of the whole line.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  }
}
