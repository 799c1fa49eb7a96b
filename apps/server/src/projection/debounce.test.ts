import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CappedDebounce } from './debounce.ts'

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

function debounce() {
  const runs: { key: string; at: number }[] = []
  const start = Date.now()
  const debounced = new CappedDebounce({ waitMs: 300, maxWaitMs: 1000 }, (key) =>
    runs.push({ key, at: Date.now() - start }),
  )
  return { debounced, runs }
}

describe('capped debounce', () => {
  it('runs once, the wait after the last call of a burst', () => {
    const { debounced, runs } = debounce()
    debounced.schedule('m')
    vi.advanceTimersByTime(200)
    debounced.schedule('m')
    vi.advanceTimersByTime(299)
    expect(runs).toEqual([])
    vi.advanceTimersByTime(1)
    expect(runs).toEqual([{ key: 'm', at: 500 }])
    vi.advanceTimersByTime(5000)
    expect(runs).toHaveLength(1)
  })

  it('runs at least every maxWait for calls that never pause', () => {
    const { debounced, runs } = debounce()
    // A typist: a change every 100 ms for 3.5 s.
    for (let t = 0; t < 3500; t += 100) {
      debounced.schedule('m')
      vi.advanceTimersByTime(100)
    }
    vi.advanceTimersByTime(300)
    expect(runs.map((run) => run.at)).toEqual([1000, 2000, 3000, 3700])
    const gaps = runs.slice(1).map((run, i) => run.at - runs[i]!.at)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1000)
  })

  it('keeps keys apart', () => {
    const { debounced, runs } = debounce()
    debounced.schedule('a')
    vi.advanceTimersByTime(250)
    debounced.schedule('b')
    vi.advanceTimersByTime(300)
    expect(runs).toEqual([
      { key: 'a', at: 300 },
      { key: 'b', at: 550 },
    ])
  })

  it('forgets cancelled work', () => {
    const { debounced, runs } = debounce()
    debounced.schedule('m')
    expect(debounced.has('m')).toBe(true)
    expect(debounced.cancel('m')).toBe(true)
    expect(debounced.cancel('m')).toBe(false)
    debounced.schedule('n')
    debounced.cancelAll()
    vi.advanceTimersByTime(5000)
    expect(runs).toEqual([])
  })
})
