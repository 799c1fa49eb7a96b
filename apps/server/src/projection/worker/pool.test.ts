import { Writable } from 'node:stream'
import { MINUTES_FIELD } from '@accord/minutes'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SPIN_MARKER } from './misbehaving-thread.ts'
import { ExtractionPool, type ExtractionPoolOptions } from './pool.ts'

const pools: ExtractionPool[] = []

afterEach(async () => {
  await Promise.all(pools.splice(0).map((pool) => pool.close()))
})

function pool(options: Partial<ExtractionPoolOptions> = {}) {
  const logs: { msg: string }[] = []
  const logger = pino(
    { level: 'warn' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(JSON.parse(chunk.toString()))
        done()
      },
    }),
  )
  const created = new ExtractionPool({ size: 1, timeoutMs: 10_000, logger, ...options })
  pools.push(created)
  return { pool: created, logs }
}

/** A meeting's document as storage would hand it over: a list of updates (here one). */
function minutes(...paragraphs: string[]): Uint8Array[] {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(MINUTES_FIELD)
  for (const text of paragraphs) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(text)])
    fragment.insert(fragment.length, [paragraph])
  }
  return [Y.encodeStateAsUpdate(doc)]
}

const context = {
  meetingDate: '2025-03-04',
  organisations: [
    { id: 'alc', name: 'Association of Local Councils', shortName: 'ALC', aliases: [] },
  ],
  people: [],
}

describe('extraction pool', () => {
  it('projects on two workers at once, each answer to its own job', async () => {
    const { pool: two } = pool({ size: 2 })
    await two.whenReady()
    const [first, second] = await Promise.all([
      two.project('a', minutes('ALC will circulate the summary by Friday.'), context),
      two.project('b', minutes('ALC will book a room.', 'ALC will chair the call.'), context),
    ])
    expect(first.actions.map((action) => action.source.text)).toEqual([
      'ALC will circulate the summary by Friday.',
    ])
    expect(second.actions).toHaveLength(2)
  })

  it('rejects work, logs and retries later when a worker cannot start', async () => {
    const { pool: broken, logs } = pool({ module: new URL('./no-such-thread.ts', import.meta.url) })
    await expect(broken.project('m', minutes('ALC will book a room.'), context)).rejects.toThrow()
    expect(logs.map((line) => line.msg)).toContain('an extraction worker failed to start')
  })

  // At shutdown the rooms still unloading ask for projections after a runaway's worker has
  // ended; nothing will replace it, so they must be refused, not left for close() to wait on.
  it('refuses work asked for while draining once no worker is left', async () => {
    const { pool: draining } = pool({
      module: new URL('./misbehaving-thread.ts', import.meta.url),
      timeoutMs: 200,
    })
    await draining.whenReady()
    const runaway = draining.project('m', minutes(SPIN_MARKER), context)
    draining.drain()
    await expect(runaway).rejects.toThrow('longer than 200 ms')
    // Time for the ended worker's exit to arrive.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const late = draining.project('n', minutes('ALC will book a room.'), context)
    const waited = new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000))
    await expect(Promise.race([late, waited])).rejects.toThrow('closed')
  })

  it('rejects work once closed', async () => {
    const { pool: closed } = pool()
    await closed.close()
    await expect(closed.project('m', minutes('ALC will book a room.'), context)).rejects.toThrow(
      'closed',
    )
  })
})
