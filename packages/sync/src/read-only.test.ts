import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebSocket } from 'ws'
import * as authProtocol from 'y-protocols/auth'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { ConnectionOptions } from './connection.ts'
import { MessageType, SyncMessageType } from './protocol.ts'
import type { MemoryStore } from './store.ts'
import { startHarness, waitFor } from './testing/websocket-harness.ts'

/** `?readOnly` in a connection's URL makes it an observer. */
const connectionOptions = (query: URLSearchParams): ConnectionOptions => ({
  readOnly: query.has('readOnly'),
})
const OBSERVER = { readOnly: '' }

let harness: { close(): Promise<void> } | undefined

afterEach(async () => {
  vi.restoreAllMocks()
  await harness?.close()
  harness = undefined
})

async function start() {
  const started = await startHarness({ connectionOptions })
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

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}

const updateFrame = (update: Uint8Array) =>
  syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update))

const step2Frame = (update: Uint8Array) =>
  syncFrame((encoder) => {
    encoding.writeVarUint(encoder, SyncMessageType.Step2)
    encoding.writeVarUint8Array(encoder, update)
  })

/** Each y-protocols auth message received, decoded to its end. */
function authMessages(received: readonly Uint8Array[]) {
  return received
    .filter((message) => decoding.readVarUint(decoding.createDecoder(message)) === MessageType.Auth)
    .map((message) => {
      const decoder = decoding.createDecoder(message)
      decoding.readVarUint(decoder)
      const authType = decoding.readVarUint(decoder)
      const reason = decoding.readVarString(decoder)
      return { authType, reason, trailingBytes: decoding.hasContent(decoder) }
    })
}

const PERMISSION_DENIED = {
  authType: authProtocol.messagePermissionDenied,
  reason: 'read-only access',
  trailingBytes: false,
}

/** A plain websocket that records every binary message the server sends it. */
async function rawSocket(url: string) {
  const socket = new WebSocket(url)
  socket.binaryType = 'nodebuffer'
  const received: Uint8Array[] = []
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const step2s = () =>
    received.filter((message) => {
      const decoder = decoding.createDecoder(message)
      return (
        decoding.readVarUint(decoder) === MessageType.Sync &&
        decoding.readVarUint(decoder) === SyncMessageType.Step2
      )
    })
  return {
    socket,
    received,
    send: (frame: Uint8Array) => socket.send(frame),
    /**
     * Sends a step 1 from an empty document and waits for the step 2 that answers it: the
     * server handles a socket's frames in order, so everything it sent in reply to earlier
     * frames has arrived by then. Returns the server's document as that step 2 shows it.
     */
    async roundTrip(): Promise<string> {
      const before = step2s().length
      socket.send(syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc())))
      await waitFor(() => step2s().length > before, { message: 'no step 2 answered step 1' })
      const decoder = decoding.createDecoder(step2s()[before]!)
      decoding.readVarUint(decoder)
      decoding.readVarUint(decoder)
      const doc = new Y.Doc()
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
      return doc.getText('text').toString()
    },
  }
}

describe('read-only connections', () => {
  it('receive the stored document on connect and a writer’s edits live', async () => {
    const { client } = await start()
    const writer = client('minutes')
    writer.text.insert(0, 'Decision: write to the minister.')
    await writer.saved()

    const observer = client('minutes', undefined, OBSERVER)
    await observer.synced()
    expect(observer.text.toString()).toBe('Decision: write to the minister.')

    writer.text.insert(writer.text.length, ' Owner: ALC.')
    await waitFor(() => observer.text.toString().endsWith(' Owner: ALC.'), {
      message: 'the observer should see the edit live',
    })
    writer.text.delete(0, 10)
    await waitFor(() => observer.text.toString() === 'write to the minister. Owner: ALC.', {
      message: 'the observer should see the deletion live',
    })
  })

  it('never store or pass on an observer’s edit, and tell its provider once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { client, store } = await start()
    const writer = client('minutes')
    const observer = client('minutes', undefined, OBSERVER)
    await Promise.all([writer.synced(), observer.synced()])
    writer.text.insert(0, 'Agreed.')
    await writer.saved()
    await waitFor(() => observer.text.toString() === 'Agreed.')

    observer.text.insert(0, 'FORGED ')
    observer.text.insert(observer.text.length, ' ALSO FORGED')
    // Sent on the observer's socket after both edits: once the writer sees it, the server has
    // handled them.
    observer.provider.awareness.setLocalStateField('marker', 'after the edits')
    const observerId = observer.doc.clientID
    await waitFor(
      () => writer.provider.awareness.getStates().get(observerId)?.['marker'] === 'after the edits',
    )
    // A later legitimate edit: once it is stored and reaches the observer, any commit or
    // message the refused edits caused would already have happened.
    writer.text.insert(writer.text.length, ' Next.')
    await writer.saved()
    await waitFor(() => observer.text.toString().includes(' Next.'))

    expect(writer.text.toString()).toBe('Agreed. Next.')
    expect(await storedText(store, 'minutes')).toBe('Agreed. Next.')
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toContain('read-only access')
    const late = client('minutes')
    await late.synced()
    expect(late.text.toString()).toBe('Agreed. Next.')
  })

  it('answer a raw update with exactly one permission denied and change nothing', async () => {
    const { url, client, store } = await start()
    const writer = client('minutes')
    writer.text.insert(0, 'Agreed.')
    await writer.saved()
    const raw = await rawSocket(`${url}/minutes?readOnly`)
    expect(await raw.roundTrip()).toBe('Agreed.')
    expect(authMessages(raw.received)).toEqual([])

    raw.send(updateFrame(textUpdate('FORGED ONE ')))
    expect(await raw.roundTrip()).toBe('Agreed.')
    expect(authMessages(raw.received)).toEqual([PERMISSION_DENIED])

    // A second update, a step 2 with content, and a deletion of the writer's text: all dropped,
    // and the client is not told again.
    raw.send(updateFrame(textUpdate('FORGED TWO ')))
    raw.send(step2Frame(textUpdate('FORGED THREE ')))
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(writer.doc))
    const before = Y.encodeStateVector(copy)
    copy.getText('text').delete(0, 7)
    raw.send(updateFrame(Y.encodeStateAsUpdate(copy, before)))
    expect(await raw.roundTrip()).toBe('Agreed.')
    expect(authMessages(raw.received)).toEqual([PERMISSION_DENIED])
    expect(raw.socket.readyState).toBe(WebSocket.OPEN)

    writer.text.insert(writer.text.length, ' Next.')
    await writer.saved()
    expect(writer.text.toString()).toBe('Agreed. Next.')
    expect(await storedText(store, 'minutes')).toBe('Agreed. Next.')
    expect(authMessages(raw.received)).toEqual([PERMISSION_DENIED])
  })

  it('do not answer an empty step 2 or an empty update with permission denied', async () => {
    const { url, client } = await start()
    const writer = client('minutes')
    writer.text.insert(0, 'Agreed.')
    await writer.saved()
    const raw = await rawSocket(`${url}/minutes?readOnly`)
    raw.send(step2Frame(Y.encodeStateAsUpdate(new Y.Doc())))
    raw.send(updateFrame(Y.encodeStateAsUpdate(new Y.Doc())))
    expect(await raw.roundTrip()).toBe('Agreed.')
    expect(authMessages(raw.received)).toEqual([])
    // …and still refuse a real edit afterwards, so the check above could have failed.
    raw.send(updateFrame(textUpdate('FORGED ')))
    await raw.roundTrip()
    expect(authMessages(raw.received)).toEqual([PERMISSION_DENIED])
  })

  it('do not warn an observer’s provider that only syncs', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { client } = await start()
    const writer = client('minutes')
    writer.text.insert(0, 'Agreed.')
    await writer.saved()
    const observer = client('minutes', undefined, OBSERVER)
    await observer.synced()
    writer.text.insert(writer.text.length, ' Next.')
    await waitFor(() => observer.text.toString() === 'Agreed. Next.')
    expect(warn).not.toHaveBeenCalled()
  })

  // Yjs puts the document's whole delete set in every step 2, so an up-to-date observer's
  // step 2 looks like content; only updates count as attempts to edit.
  it('do not refuse the step 2 of an up-to-date observer of a document with deletions', async () => {
    const { url, client } = await start()
    const writer = client('minutes')
    writer.text.insert(0, 'Draft: Agreed.')
    writer.text.delete(0, 7)
    await writer.saved()
    const raw = await rawSocket(`${url}/minutes?readOnly`)
    expect(await raw.roundTrip()).toBe('Agreed.')
    // What a y-websocket observer that already holds the whole document sends when it
    // (re)connects: a step 2 with no new structs, but Yjs always includes the delete set.
    const observerDoc = new Y.Doc()
    Y.applyUpdate(observerDoc, Y.encodeStateAsUpdate(writer.doc))
    raw.send(step2Frame(Y.encodeStateAsUpdate(observerDoc, Y.encodeStateVector(writer.doc))))
    await raw.roundTrip()
    expect(authMessages(raw.received)).toEqual([])
  })
})
