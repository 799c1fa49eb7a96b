import { describe, expect, it } from 'vitest'
import { FrameScheduler, type ScheduledConnection } from './frame-scheduler.ts'

class FakeConnection implements ScheduledConnection {
  ended = false
  paused = false
  constructor(readonly name: string) {}
  pause() {
    this.paused = true
  }
  resume() {
    this.paused = false
  }
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve))

/** A scheduler whose frames each take `costMs` on its clock, recording what it handled. */
function scheduler(costMs: number, budgetMs: number) {
  const handled: string[] = []
  let clock = 0
  const frames = new FrameScheduler<FakeConnection>(
    (connection, frame) => {
      clock += costMs
      handled.push(`${connection.name}${frame[0]}`)
    },
    budgetMs,
    () => clock,
  )
  return { frames, handled }
}

describe('frames handled a budget per event-loop turn', () => {
  it('handles a frame at once while the turn has budget left', () => {
    const { frames, handled } = scheduler(0, 20)
    frames.push(new FakeConnection('a'), new Uint8Array([1]))
    expect(handled).toEqual(['a1'])
  })

  it('leaves the rest for later turns, one frame of each connection in turn', async () => {
    const { frames, handled } = scheduler(6, 10)
    const big = new FakeConnection('big')
    const small = new FakeConnection('small')
    for (let i = 1; i <= 4; i++) frames.push(big, new Uint8Array([i]))
    frames.push(small, new Uint8Array([1]))
    // Two frames fit this turn's budget (the second starts at 6 ms): the others wait, and the
    // connection they came from is no longer read.
    expect(handled).toEqual(['big1', 'big2'])
    expect(big.paused).toBe(true)
    await nextTurn()
    // The keystroke does not wait behind all of the large paste.
    expect(handled.slice(0, 4)).toEqual(['big1', 'big2', 'big3', 'small1'])
    while (frames.backlog > 0) await nextTurn()
    expect(handled).toEqual(['big1', 'big2', 'big3', 'small1', 'big4'])
    expect(big.paused).toBe(false)
    expect(small.paused).toBe(false)
  })

  it('does work a frame was split into before the next frame, a turn at a time', async () => {
    const { frames, handled } = scheduler(6, 10)
    const a = new FakeConnection('a')
    // The first frame is split into two pieces, whose work waits for later turns.
    frames.push(a, new Uint8Array([1]))
    frames.later(a, [() => handled.push('a1.1'), () => handled.push('a1.2')])
    frames.push(a, new Uint8Array([2]))
    expect(handled).toEqual(['a1'])
    expect(a.paused).toBe(true)
    while (frames.backlog > 0) await nextTurn()
    expect(handled).toEqual(['a1', 'a1.1', 'a1.2', 'a2'])
    expect(a.paused).toBe(false)
  })

  it('drops what a connection sent once it is closed', async () => {
    const { frames, handled } = scheduler(11, 10)
    const closing = new FakeConnection('c')
    frames.push(closing, new Uint8Array([1]))
    frames.push(closing, new Uint8Array([2]))
    closing.ended = true
    frames.push(closing, new Uint8Array([3]))
    while (frames.backlog > 0) await nextTurn()
    expect(handled).toEqual(['c1'])
  })
})
