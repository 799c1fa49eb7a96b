import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { MemoryStore } from './store.ts'
import { startHarness, waitFor } from './testing/websocket-harness.ts'

let harness: { close(): Promise<void> } | undefined

afterEach(async () => {
  vi.restoreAllMocks()
  await harness?.close()
  harness = undefined
})

async function start(store = new MemoryStore()) {
  const started = await startHarness({
    store,
    connectionOptions: (query) => ({ readOnly: query.has('readOnly') }),
  })
  harness = started
  return started
}

async function storedText(store: MemoryStore, room: string): Promise<string> {
  const doc = new Y.Doc()
  for (const update of await store.load(room)) Y.applyUpdate(doc, update)
  return doc.getText('text').toString()
}

describe('RoomServer.edit', () => {
  it('stores a server-side change and sends it to everyone with the document open', async () => {
    const { client, rooms, store } = await start()
    const writer = client('minutes')
    writer.text.insert(0, 'ALC will write.')
    await writer.saved()
    const reader = client('minutes')
    await reader.synced()

    const changed = await rooms.edit('minutes', (doc) => doc.getText('text').insert(0, 'Done: '))

    expect(changed).toBe(true)
    expect(await storedText(store, 'minutes')).toBe('Done: ALC will write.')
    await waitFor(() => writer.text.toString() === 'Done: ALC will write.')
    await waitFor(() => reader.text.toString() === 'Done: ALC will write.')
  })

  it('loads a document nobody has open, and lets it leave memory once stored', async () => {
    const store = new MemoryStore()
    const seed = new Y.Doc()
    seed.getText('text').insert(0, 'Stored earlier.')
    await store.append([{ docName: 'closed', update: Y.encodeStateAsUpdate(seed) }])
    const { rooms, client } = await start(store)

    expect(await rooms.edit('closed', (doc) => doc.getText('text').insert(0, 'Edited. '))).toBe(
      true,
    )

    expect(await storedText(store, 'closed')).toBe('Edited. Stored earlier.')
    await waitFor(() => rooms.roomCount === 0, { message: 'the room should unload' })
    const late = client('closed')
    await late.synced()
    expect(late.text.toString()).toBe('Edited. Stored earlier.')
  })

  it('stores nothing when the change changes nothing', async () => {
    const { rooms, store } = await start()
    const before = (await store.load('empty')).length
    expect(await rooms.edit('empty', () => {})).toBe(false)
    expect((await store.load('empty')).length).toBe(before)
  })

  it('rejects, and changes nothing, when the change cannot be stored', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const store = new MemoryStore()
    const { rooms } = await start(store)
    vi.spyOn(store, 'append').mockRejectedValueOnce(new Error('disk full'))

    await expect(
      rooms.edit('minutes', (doc) => doc.getText('text').insert(0, 'x')),
    ).rejects.toThrow('disk full')
    expect(await storedText(store, 'minutes')).toBe('')
  })

  it('passes on what the change throws, storing nothing', async () => {
    const { rooms, store } = await start()
    await expect(
      rooms.edit('minutes', () => {
        throw new Error('no such action')
      }),
    ).rejects.toThrow('no such action')
    expect(await store.load('minutes')).toEqual([])
  })
})

describe('RoomServer.setReadOnly', () => {
  it('drops every connection’s edits, then allows them again, while the server can still edit', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { client, rooms, store } = await start()
    const writer = client('minutes')
    writer.text.insert(0, 'Agreed.')
    await writer.saved()

    rooms.setReadOnly('minutes', true)
    writer.text.insert(writer.text.length, ' FORGED')
    await rooms.edit('minutes', (doc) => doc.getText('text').insert(0, 'Approved: '))
    await waitFor(() => writer.text.toString().startsWith('Approved: '))
    expect(await storedText(store, 'minutes')).toBe('Approved: Agreed.')

    rooms.setReadOnly('minutes', false)
    const later = client('minutes')
    await later.synced()
    later.text.insert(later.text.length, ' Reopened.')
    await later.saved()
    expect(await storedText(store, 'minutes')).toBe('Approved: Agreed. Reopened.')
  })

  it('holds for a document loaded after it was set', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { client, rooms, store } = await start()
    rooms.setReadOnly('later', true)
    const writer = client('later')
    await writer.synced()
    writer.text.insert(0, 'FORGED')
    // An edit of the server's own, made after the forged one was sent, is stored alone.
    await rooms.edit('later', (doc) => doc.getText('text').insert(0, 'Server. '))
    await waitFor(() => writer.text.toString().includes('Server.'))
    expect(await storedText(store, 'later')).toBe('Server. ')
  })
})

describe('RoomServer.read', () => {
  it('sees every edit received before it, stored', async () => {
    const { client, rooms, store } = await start()
    const writer = client('minutes')
    await writer.synced()
    writer.text.insert(0, 'Last words.')
    // Sent before read() is called: read must wait for it to be stored.
    await waitFor(() => writer.provider.wsconnected)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const text = await rooms.read('minutes', (doc) => doc.getText('text').toString())
    expect(text).toBe('Last words.')
    expect(await storedText(store, 'minutes')).toBe('Last words.')
  })

  it('reads a document nobody has open without keeping it in memory', async () => {
    const store = new MemoryStore()
    const seed = new Y.Doc()
    seed.getText('text').insert(0, 'Stored earlier.')
    await store.append([{ docName: 'closed', update: Y.encodeStateAsUpdate(seed) }])
    const { rooms } = await start(store)
    expect(await rooms.read('closed', (doc) => doc.getText('text').toString())).toBe(
      'Stored earlier.',
    )
    await waitFor(() => rooms.roomCount === 0, { message: 'the room should unload' })
  })
})
