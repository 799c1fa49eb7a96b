import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { MemoryStore, type StoredUpdate } from './store.ts'
import * as encoding from 'lib0/encoding'
import { startHarness, waitFor, type Client } from './testing/websocket-harness.ts'

let harness: { close(): Promise<void> } | undefined

afterEach(async () => {
  await harness?.close()
  harness = undefined
})

async function start<Store extends MemoryStore = MemoryStore>(
  options: Parameters<typeof startHarness<Store>>[0] = {},
) {
  const started = await startHarness<Store>(options)
  harness = started
  return started
}

/** What the store holds for a document, read back the way a restarted server would. */
async function storedText(store: MemoryStore, room: string): Promise<string> {
  const doc = new Y.Doc()
  for (const update of await store.load(room)) Y.applyUpdate(doc, update)
  return doc.getText('text').toString()
}

function textUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('text').insert(0, text)
  return Y.encodeStateAsUpdate(doc)
}

/** A store whose disk is slow: appends complete after a delay, as on a loaded database. */
class SlowStore extends MemoryStore {
  constructor(private readonly delayMs: number) {
    super()
  }
  override async append(updates: readonly StoredUpdate[]) {
    await new Promise((resolve) => setTimeout(resolve, this.delayMs))
    return super.append(updates)
  }
}

describe('room server with real y-websocket clients', () => {
  it('converges two documents edited at the same time', async () => {
    const { client } = await start()
    const alice = client('minutes')
    const bob = client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    alice.text.insert(0, 'ALC will circulate the analysis. ')
    bob.text.insert(0, 'Carers UK will brief MPs. ')
    await waitFor(() => alice.text.length > 40 && alice.text.toString() === bob.text.toString())
    expect(alice.text.toString()).toContain('ALC will circulate the analysis.')
    expect(alice.text.toString()).toContain('Carers UK will brief MPs.')
    expect(Y.encodeStateVector(alice.doc)).toEqual(Y.encodeStateVector(bob.doc))
  })

  it('gives a late joiner the full state after everyone else left', async () => {
    const { client, rooms } = await start()
    const alice = client('minutes')
    await alice.synced()
    alice.text.insert(0, 'Decision: write to the minister.')
    await alice.saved()
    alice.destroy()
    await waitFor(() => rooms.roomCount === 0, { message: 'room should unload' })

    const late = client('minutes')
    await late.synced()
    expect(late.text.toString()).toBe('Decision: write to the minister.')
  })

  it('sends awareness to others and removes it when its client disconnects', async () => {
    const { client } = await start()
    const alice = client('minutes')
    const bob = client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    alice.provider.awareness.setLocalStateField('user', { name: 'Alice', color: '#c00' })
    const aliceId = alice.doc.clientID
    await waitFor(() => bob.provider.awareness.getStates().get(aliceId)?.user?.name === 'Alice')

    alice.destroy()
    await waitFor(() => !bob.provider.awareness.getStates().has(aliceId), {
      message: "Alice's presence should be removed",
    })
  })

  it('acknowledges an edit only once the store holds it', async () => {
    const store = new SlowStore(150)
    const { client } = await start({ store })
    const alice = client('minutes')
    await alice.synced()
    await alice.saved()

    alice.text.insert(0, 'Action: ALC to circulate by Friday.')
    const typedAt = Date.now()
    expect(alice.saveStatus.saved).toBe(false)
    let storedWhenSaved = ''
    alice.saveStatus.onChange((saved) => {
      if (saved) void storedText(store, 'minutes').then((text) => (storedWhenSaved = text))
    })
    await alice.saved()
    expect(Date.now() - typedAt).toBeGreaterThanOrEqual(140)
    await waitFor(() => storedWhenSaved !== '')
    expect(storedWhenSaved).toBe('Action: ALC to circulate by Friday.')
  })

  it('treats a deletion as unsaved until the server has committed it', async () => {
    const store = new SlowStore(100)
    const { client } = await start({ store })
    const alice = client('minutes')
    await alice.synced()
    alice.text.insert(0, 'Draft: ALC will lead.')
    await alice.saved()

    alice.text.delete(0, 7)
    expect(alice.saveStatus.saved).toBe(false)
    await alice.saved()
    expect(await storedText(store, 'minutes')).toBe('ALC will lead.')
  })

  it('does not count a deletion sent during a commit as part of that commit', async () => {
    const store = new SlowStore(100)
    const { client } = await start({ store })
    const alice = client('minutes')
    await alice.synced()
    alice.text.insert(0, 'Draft: ALC will lead.')
    await alice.saved()

    let storedWhenSaved: string | undefined
    alice.saveStatus.onChange((saved) => {
      if (saved) void storedText(store, 'minutes').then((text) => (storedWhenSaved ??= text))
    })
    alice.text.insert(alice.text.length, ' Agreed.')
    // While that insertion is being written, a deletion follows; it moves no state vector.
    await new Promise((resolve) => setTimeout(resolve, 30))
    alice.text.delete(0, 7)
    await alice.saved()
    await waitFor(() => storedWhenSaved !== undefined)
    expect(storedWhenSaved).toBe('ALC will lead. Agreed.')
  })

  it('never shows anyone an update before it is stored', async () => {
    const store = new SlowStore(50)
    const { client } = await start({ store })
    const alice = client('minutes')
    const bob = client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    const seenBeforeStored: string[] = []
    bob.text.observe(() => {
      const seen = bob.text.toString()
      void storedText(store, 'minutes').then((stored) => {
        if (!stored.includes(seen)) seenBeforeStored.push(seen)
      })
    })
    for (const word of ['Ask: ', 'fund ', 'fair ', 'pay.']) {
      alice.text.insert(alice.text.length, word)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await waitFor(() => bob.text.toString() === 'Ask: fund fair pay.')
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seenBeforeStored).toEqual([])
  })

  it('keeps edits when storage fails: nothing is acknowledged and the client sends them again', async () => {
    const store = new FlakyStore()
    const { client } = await start({ store })
    const alice = client('minutes')
    await alice.saved()

    store.failing = true
    alice.text.insert(0, 'Typed while the disk was full.')
    await waitFor(() => store.failures > 0)
    expect(alice.saveStatus.saved).toBe(false)

    store.failing = false
    await alice.saved()
    expect(await storedText(store, 'minutes')).toBe('Typed while the disk was full.')
  })

  it('refuses a room it could not load, and loads it for the next connection', async () => {
    const store = new FlakyStore()
    await store.append([{ docName: 'minutes', update: textUpdate('Stored before.') }])
    const { client } = await start({ store })
    store.failing = true
    const first = client('minutes')
    const closed = new Promise<number>((resolve) =>
      first.provider.once('connection-close', (event) => resolve(event?.code ?? 0)),
    )
    expect(await closed).toBe(1011)
    first.destroy()
    store.failing = false
    const second = client('minutes')
    await second.synced()
    expect(second.text.toString()).toBe('Stored before.')
  })

  it('commits updates of one commit interval in one transaction', async () => {
    const store = new CountingStore()
    const { client } = await start({ store, commitIntervalMs: 200 })
    const alice = client('minutes')
    alice.text.insert(0, 'Warm-up.')
    await alice.saved()
    const before = store.appends
    for (const word of [' One', ' two', ' three.']) {
      alice.text.insert(alice.text.length, word)
      await new Promise((resolve) => setTimeout(resolve, 10))
    }
    await alice.saved()
    expect(store.appends - before).toBe(1)
    expect(await storedText(store, 'minutes')).toBe('Warm-up. One two three.')
  })

  it('stores nothing for a client that reconnects with nothing new', async () => {
    const store = new MemoryStore()
    const { client } = await start({ store })
    const alice = client('minutes')
    alice.text.insert(0, 'Apologies: ALC.')
    await alice.saved()
    const rows = store.documents.get('minutes')?.length
    for (let i = 0; i < 3; i++) {
      const visitor = client('minutes')
      await visitor.saved()
      visitor.destroy()
    }
    expect(store.documents.get('minutes')?.length).toBe(rows)
  })

  it('compacts a long update log into one snapshot that loads the same text', async () => {
    const store = new MemoryStore()
    const { client } = await start({ store, compactAfter: 20 })
    const alice = client('minutes')
    await alice.synced()
    for (let i = 0; i < 60; i++) {
      alice.text.insert(alice.text.length, `${i} `)
      await new Promise((resolve) => setImmediate(resolve))
    }
    await alice.saved()
    await waitFor(() => (store.documents.get('minutes')?.length ?? 0) < 20, {
      message: 'log should be compacted',
    })
    const expected = Array.from({ length: 60 }, (_, i) => `${i} `).join('')
    expect(await storedText(store, 'minutes')).toBe(expected)
  })
})

class CountingStore extends MemoryStore {
  appends = 0
  override append(updates: readonly StoredUpdate[]) {
    this.appends++
    return super.append(updates)
  }
}

/** A store that can be told to fail, like a database that lost its disk for a moment. */
class FlakyStore extends MemoryStore {
  failing = false
  failures = 0
  override load(docName: string) {
    if (this.failing) {
      this.failures++
      return Promise.reject(new Error('database unreachable'))
    }
    return super.load(docName)
  }
  override append(updates: readonly StoredUpdate[]) {
    if (this.failing) {
      this.failures++
      return Promise.reject(new Error('disk full'))
    }
    return super.append(updates)
  }
}

describe('bad input closes only its own socket', () => {
  async function rawSocket(url: string) {
    const socket = new WebSocket(url)
    socket.binaryType = 'nodebuffer'
    await new Promise((resolve, reject) => {
      socket.once('open', resolve)
      socket.once('error', reject)
    })
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    )
    return { socket, closed }
  }

  async function roomWithWriter() {
    const h = await start({ maxMessageBytes: 64 * 1024 })
    const alice = h.client('minutes')
    const bob = h.client('minutes')
    await Promise.all([alice.synced(), bob.synced()])
    return { ...h, alice, bob }
  }

  async function stillWorks(alice: Client, bob: Client) {
    alice.text.insert(alice.text.length, ' still here')
    await waitFor(() => bob.text.toString().endsWith(' still here'))
    await alice.saved()
  }

  it.each([
    ['a truncated sync update', Uint8Array.of(0, 2, 200, 1), 1007],
    ['an update that is not a Yjs update', Uint8Array.of(0, 2, 3, 255, 255, 255), 1007],
    ['an unknown message type', Uint8Array.of(99, 1, 2, 3), 1003],
    ['an unknown sync message type', Uint8Array.of(0, 7, 0), 1003],
    ['a malformed awareness update', Uint8Array.of(1, 5, 1, 2, 3, 4, 5), 1007],
  ])('%s closes with %#', async (_name, frame, code) => {
    const { url, alice, bob, store } = await roomWithWriter()
    const { socket, closed } = await rawSocket(`${url}/minutes`)
    const storedBefore = (await store.load('minutes')).length
    socket.send(frame)
    expect((await closed).code).toBe(code)
    expect((await store.load('minutes')).length).toBe(storedBefore)
    await stillWorks(alice, bob)
  })

  it('closes a text frame with 1003', async () => {
    const { url, alice, bob } = await roomWithWriter()
    const { socket, closed } = await rawSocket(`${url}/minutes`)
    socket.send('hello')
    expect((await closed).code).toBe(1003)
    await stillWorks(alice, bob)
  })

  it('closes a frame over the size limit with 1009 and never stores it', async () => {
    const { url, alice, bob, store } = await roomWithWriter()
    const big = new Y.Doc()
    big.getText('text').insert(0, 'x'.repeat(100 * 1024))
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, 2)
    encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(big))
    const { socket, closed } = await rawSocket(`${url}/minutes`)
    socket.send(encoding.toUint8Array(encoder))
    expect((await closed).code).toBe(1009)
    await stillWorks(alice, bob)
    expect(await storedText(store, 'minutes')).not.toContain('xxxx')
  })
})
