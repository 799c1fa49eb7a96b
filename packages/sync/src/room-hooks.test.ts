import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StructureChanges } from './client/structure-changes.ts'
import { MemoryStore } from './store.ts'
import { encodeStructureChanged, MessageType, readStructureChanged } from './protocol.ts'
import { startHarness, waitFor } from './testing/websocket-harness.ts'

let harness: { close(): Promise<void> } | undefined

afterEach(async () => {
  await harness?.close()
  harness = undefined
})

/** A harness that records every hook call as `hook:docName:text`. */
async function start() {
  const calls: string[] = []
  const record = (hook: string) => (docName: string, doc: Y.Doc) =>
    calls.push(`${hook}:${docName}:${doc.getText('text').toString()}`)
  const started = await startHarness({
    onCommitted: record('committed'),
    onUnload: record('unload'),
  })
  harness = started
  return { ...started, calls }
}

describe('room server hooks', () => {
  it('reports each commit with content, after the document holds it', async () => {
    const { client, calls } = await start()
    const alice = client('minutes')
    await alice.synced()
    expect(calls).toEqual([])
    alice.text.insert(0, 'ALC will circulate the analysis.')
    await waitFor(() => calls.length > 0)
    expect(calls).toEqual(['committed:minutes:ALC will circulate the analysis.'])
  })

  it('reports a load with the stored document, before the first client is greeted', async () => {
    const store = new MemoryStore()
    const stored = new Y.Doc()
    stored.getText('text').insert(0, 'Imported: PSWN to circulate the paper.')
    await store.append([{ docName: 'imported', update: Y.encodeStateAsUpdate(stored) }])
    const loads: string[] = []
    let greeted = false
    const started = await startHarness({
      store,
      onLoaded: (docName, doc) => {
        loads.push(`${docName}:${doc.getText('text').toString()}:${greeted ? 'late' : 'first'}`)
      },
    })
    harness = started
    const reader = started.client('imported')
    await reader.synced()
    greeted = true
    expect(loads).toEqual(['imported:Imported: PSWN to circulate the paper.:first'])
    expect(reader.text.toString()).toBe('Imported: PSWN to circulate the paper.')
  })

  it('reports an unload with the final document, once, when the last client leaves', async () => {
    const { client, calls, rooms } = await start()
    const alice = client('minutes')
    await alice.synced()
    alice.text.insert(0, 'Decided: write to the council.')
    await alice.saved()
    alice.provider.disconnect()
    await waitFor(() => rooms.roomCount === 0)
    expect(calls.filter((call) => call.startsWith('unload'))).toEqual([
      'unload:minutes:Decided: write to the council.',
    ])
  })

  it('reports every room still loaded on close', async () => {
    const { client, calls, close } = await start()
    await client('a').synced()
    await client('b').synced()
    harness = undefined
    await close()
    expect(calls.sort()).toEqual(['unload:a:', 'unload:b:'])
  })

  it('reports each acknowledged commit: how long its oldest frame waited and what it stored', async () => {
    /** Storage that takes 30 ms per write, so the latency has a floor to check. */
    class SlowStore extends MemoryStore {
      override async append(...args: Parameters<MemoryStore['append']>) {
        await new Promise((resolve) => setTimeout(resolve, 30))
        return super.append(...args)
      }
    }
    const acknowledged: { latencyMs: number; updates: number }[] = []
    const started = await startHarness({
      store: new SlowStore(),
      onAcknowledged: (latencyMs, updates) => acknowledged.push({ latencyMs, updates }),
    })
    harness = started
    const alice = started.client('minutes')
    await alice.synced()
    await waitFor(() => acknowledged.length > 0)
    // The client's step 2 of an empty document is acknowledged, and stores nothing.
    expect(acknowledged.map((a) => a.updates)).toEqual([0])
    acknowledged.length = 0
    alice.text.insert(0, 'ALC will circulate the analysis.')
    await alice.saved()
    await waitFor(() => acknowledged.length > 0)
    expect(acknowledged).toEqual([{ latencyMs: expect.any(Number), updates: 1 }])
    expect(acknowledged[0]!.latencyMs).toBeGreaterThanOrEqual(29)
  })

  it('keeps syncing when a hook throws', async () => {
    const started = await startHarness({
      onCommitted: () => {
        throw new Error('projection broke')
      },
    })
    harness = started
    const alice = started.client('minutes')
    const bob = started.client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    alice.text.insert(0, 'one')
    await waitFor(() => bob.text.toString() === 'one')
    bob.text.insert(3, ' two')
    await waitFor(() => alice.text.toString() === 'one two')
    await alice.saved()
  })

  it('broadcasts a message to every connection of a room, and only that room', async () => {
    const started = await startHarness()
    harness = started
    const alice = started.client('minutes')
    const bob = started.client('minutes')
    const carol = started.client('other')
    await Promise.all([alice.synced(), bob.synced(), carol.synced()])
    const [a, b, c] = [alice, bob, carol].map((each) => new StructureChanges(each.provider))
    const heard: string[] = []
    a!.onChange((version) => heard.push(`alice ${version}`))
    b!.onChange((version) => heard.push(`bob ${version}`))
    c!.onChange((version) => heard.push(`carol ${version}`))
    started.rooms.broadcast('minutes', encodeStructureChanged(300))
    started.rooms.broadcast('not loaded', encodeStructureChanged(1))
    await waitFor(() => heard.length === 2)
    expect(heard.sort()).toEqual(['alice 300', 'bob 300'])
    expect(a!.version).toBe(300)
  })
})

describe('structure changed message', () => {
  it('is varUint(65) varUint(version)', () => {
    const frame = encodeStructureChanged(300)
    expect([...frame]).toEqual([65, 0xac, 0x02])
    const decoder = decoding.createDecoder(frame)
    expect(decoding.readVarUint(decoder)).toBe(MessageType.StructureChanged)
    expect(readStructureChanged(decoder)).toBe(300)
  })
})
