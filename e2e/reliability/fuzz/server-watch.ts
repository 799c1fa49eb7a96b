/**
 * Watches a running server from outside, the way an operator would: /api/health must answer
 * every time, and /metrics gives the event loop's worst delay and the process's memory.
 *
 * The event-loop figure is prom-client's `nodejs_eventloop_lag_max_seconds`: the maximum of a
 * `perf_hooks.monitorEventLoopDelay` histogram kept inside the server process (10 ms
 * resolution), which prom-client resets at every scrape. So each scrape tells the longest
 * block since the one before, and the maximum over all scrapes is the longest block of the
 * run; nothing is missed between scrapes (a scrape is answered by that same loop, so a block
 * never straddles two).
 *
 * That histogram measures wall time: a server waiting for a core that other processes hold
 * shows the same delay as one busy with its own work. So each window's delay is also bounded by
 * the CPU time the server used in it (`process_cpu_seconds_total`, all its threads, so an
 * over-estimate): a block of B ms of the server's own work takes B ms of its CPU. The smaller
 * of the two is the block the server caused; both are reported.
 */
export interface ServerSample {
  loopMaxMs: number
  cpuMs: number
  rssBytes: number
  heapUsedBytes: number
}

export async function sample(baseUrl: string): Promise<ServerSample> {
  const response = await fetch(`${baseUrl}/metrics`)
  if (!response.ok) throw new Error(`/metrics answered ${response.status}: is METRICS off?`)
  const text = await response.text()
  const read = (name: string) => {
    const match = new RegExp(`^${name}(?:\\{[^}]*\\})? ([0-9.e+-]+)$`, 'm').exec(text)
    if (!match) throw new Error(`/metrics has no ${name}`)
    return Number(match[1])
  }
  return {
    loopMaxMs: read('nodejs_eventloop_lag_max_seconds') * 1000,
    cpuMs: read('process_cpu_seconds_total') * 1000,
    rssBytes: read('process_resident_memory_bytes'),
    heapUsedBytes: read('nodejs_heap_size_used_bytes'),
  }
}

export class ServerWatch {
  /** The longest event-loop delay seen, wall time. */
  maxLoopMs = 0
  /** The longest delay the server's own work can account for (see above). */
  maxBlockMs = 0
  private lastCpuMs = 0
  /** The longest block since the last takeWindow(), to tell which frames caused it. */
  private windowMaxMs = 0
  healthChecks = 0
  /** How long each /api/health took to answer, in ms. */
  readonly healthMs: number[] = []
  readonly failures: string[] = []
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> = Promise.resolve()

  constructor(
    private readonly baseUrl: string,
    private readonly everyMs = 100,
  ) {}

  /** Resets the server's histogram first, so start-up (module loading) is not counted. */
  async start(): Promise<void> {
    this.lastCpuMs = (await sample(this.baseUrl)).cpuMs
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.check())
    }, this.everyMs)
  }

  async stop(): Promise<void> {
    clearInterval(this.timer)
    await this.running
    await this.check()
  }

  /** Scrapes now; returns the longest block since the previous call. */
  async takeWindow(): Promise<number> {
    this.running = this.running.then(() => this.check())
    await this.running
    const max = this.windowMaxMs
    this.windowMaxMs = 0
    return max
  }

  private async check(): Promise<void> {
    try {
      const asked = performance.now()
      const health = await fetch(`${this.baseUrl}/api/health`, {
        signal: AbortSignal.timeout(5000),
      })
      this.healthMs.push(performance.now() - asked)
      this.healthChecks++
      if (!health.ok) this.failures.push(`/api/health answered ${health.status}`)
      const { loopMaxMs, cpuMs } = await sample(this.baseUrl)
      const blockMs = Math.min(loopMaxMs, cpuMs - this.lastCpuMs)
      this.lastCpuMs = cpuMs
      this.maxLoopMs = Math.max(this.maxLoopMs, loopMaxMs)
      this.maxBlockMs = Math.max(this.maxBlockMs, blockMs)
      this.windowMaxMs = Math.max(this.windowMaxMs, blockMs)
    } catch (error) {
      this.failures.push(`the server did not answer: ${(error as Error).message}`)
    }
  }
}
