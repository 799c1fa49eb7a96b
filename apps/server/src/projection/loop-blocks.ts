import fs from 'node:fs'

/** How often the probe asks to run; what it reports is how much later than that it ran. */
const INTERVAL_MS = 5

/**
 * Measures the longest time the event loop was held while the probe ran: a timer asks to run
 * every few milliseconds, and any gap beyond that is time something else kept the thread. For
 * the tests and the bench, which check that projecting a long document never holds the loop.
 *
 * On Linux the time the thread spent waiting for a CPU (other processes had them all) is taken
 * off each gap, from /proc/thread-self/schedstat: that wait is the machine being busy, not
 * this thread's own work, and on a loaded 2-core runner it alone can reach 100 ms.
 */
export function probeEventLoop(): { stop(): LoopBlocks } {
  let last = performance.now()
  let lastWait = runQueueWaitMs()
  const longest: LoopBlocks = { heldMs: 0, gapMs: 0 }
  const tick = () => {
    const now = performance.now()
    const wait = runQueueWaitMs()
    const gap = now - last - INTERVAL_MS
    longest.gapMs = Math.max(longest.gapMs, gap)
    longest.heldMs = Math.max(longest.heldMs, gap - (wait - lastWait))
    last = now
    lastWait = wait
  }
  const timer = setInterval(tick, INTERVAL_MS)
  return {
    /** The longest blocks seen, counting the time since the last tick. */
    stop() {
      clearInterval(timer)
      tick()
      return longest
    },
  }
}

export interface LoopBlocks {
  /** The longest the thread's own work (or a system call it made) held the loop, in ms. */
  heldMs: number
  /** The longest gap on the clock, waiting for a CPU included, in ms. */
  gapMs: number
}

/** How long this thread has waited for a CPU, in ms; 0 where the kernel does not say. */
function runQueueWaitMs(): number {
  try {
    // "time on CPU, time waiting to run (both ns), timeslices" for the calling thread.
    const fields = fs.readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')
    return Number(fields[1]) / 1e6
  } catch {
    return 0
  }
}
