import * as decoding from 'lib0/decoding'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  CloseCode,
  encodeSyncMessage,
  MessageType,
  readSaved,
  SyncMessageType,
} from './protocol.ts'
import { RoomServer } from './room-server.ts'
import { applyStoredUpdates } from './stored-updates.ts'
import { MemoryStore } from './store.ts'

let rooms: RoomServer | undefined
afterEach(async () => {
  await rooms?.close()
  rooms = undefined
})

/** A connection driven frame by frame, as a y-websocket client's frames arrive. */
function connect(server: RoomServer) {
  const closes: { code: number; reason: string }[] = []
  const saved: number[] = []
  const handle = server.connect('minutes', {
    send(message) {
      const decoder = decoding.createDecoder(message)
      if (decoding.readVarUint(decoder) === MessageType.Saved) {
        saved.push(readSaved(decoder).committedFrames)
      }
    },
    close: (code, reason) => closes.push({ code, reason }),
  })
  return {
    closes,
    saved,
    step2: (update: Uint8Array) => handle.receive(encodeSyncMessage(SyncMessageType.Step2, update)),
    update: (update: Uint8Array) =>
      handle.receive(encodeSyncMessage(SyncMessageType.Update, update)),
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20))

describe('someone who typed offline and types on as they reconnect', () => {
  it('is not dropped: keystrokes sent before the step 2 wait for it, and all are saved', async () => {
    const store = new MemoryStore()
    rooms = new RoomServer({ store })
    const client = connect(rooms)
    const doc = new Y.Doc()
    const text = doc.getText('text')
    text.insert(0, 'typed offline')
    const offline = Y.encodeStateAsUpdate(doc)
    // y-websocket sends live keystrokes at once; its step 2 answers the room's step 1 later.
    let before = Y.encodeStateVector(doc)
    text.insert(13, '!')
    client.update(Y.encodeStateAsUpdate(doc, before))
    before = Y.encodeStateVector(doc)
    text.delete(0, 6)
    client.update(Y.encodeStateAsUpdate(doc, before))
    client.step2(offline)
    await settle()

    expect(client.closes).toEqual([])
    expect(await rooms.read('minutes', (room) => room.getText('text').toString())).toBe('offline!')
    expect(client.saved.at(-1)).toBe(3)
    const stored = new Y.Doc()
    applyStoredUpdates(stored, await store.load('minutes'))
    expect(stored.getText('text').toString()).toBe('offline!')
  })

  it('is closed with 1007 once more than a round trip of keystrokes comes before the step 2', async () => {
    rooms = new RoomServer({ store: new MemoryStore() })
    const client = connect(rooms)
    await settle() // the document has loaded
    const doc = new Y.Doc()
    doc.getText('text').insert(0, 'typed offline')
    for (let i = 0; i < 1001 && client.closes.length === 0; i++) {
      const before = Y.encodeStateVector(doc)
      doc.getText('text').insert(0, 'x')
      client.update(Y.encodeStateAsUpdate(doc, before))
    }
    await settle()
    expect(client.closes).toEqual([
      { code: CloseCode.InvalidPayload, reason: 'too much sent before step 2' },
    ])
    expect(await rooms.read('minutes', (room) => room.getText('text').toString())).toBe('')
  })

  it('after the step 2, an update building on content the room never saw is refused', async () => {
    rooms = new RoomServer({ store: new MemoryStore() })
    const client = connect(rooms)
    client.step2(Y.encodeStateAsUpdate(new Y.Doc()))
    const doc = new Y.Doc()
    doc.getText('text').insert(0, 'never sent')
    const before = Y.encodeStateVector(doc)
    doc.getText('text').insert(0, '>')
    client.update(Y.encodeStateAsUpdate(doc, before))
    await settle()
    expect(client.closes).toEqual([
      { code: CloseCode.InvalidPayload, reason: 'structs that start after a gap' },
    ])
  })
})

describe("the document's own changes", () => {
  it('are stored: two people making the same words italic leave the stored minutes equal to the live ones', async () => {
    const store = new MemoryStore()
    rooms = new RoomServer({ store })
    const client = connect(rooms)
    client.step2(Y.encodeStateAsUpdate(new Y.Doc()))
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.getXmlFragment('default').insert(0, [new Y.XmlText('agreed')])
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a))
    client.update(Y.encodeStateAsUpdate(a))
    await settle()
    const words = (doc: Y.Doc) => doc.getXmlFragment('default').get(0) as Y.XmlText
    const before = Y.encodeStateVector(a)
    words(a).format(0, 6, { italic: true })
    words(b).format(0, 6, { italic: true })
    client.update(Y.encodeStateAsUpdate(a, before))
    await settle()
    // Yjs removes the now redundant format marks in the room's document itself.
    client.update(Y.encodeStateAsUpdate(b, before))
    await settle()

    const deleteSet = (doc: Y.Doc) => JSON.stringify([...Y.snapshot(doc).ds.clients])
    const live = await rooms.read('minutes', deleteSet)
    const stored = new Y.Doc()
    applyStoredUpdates(stored, await store.load('minutes'))
    expect(live).not.toBe('[]')
    expect(deleteSet(stored)).toBe(live)
  })
})

describe('a malformed update sent before the step 2', () => {
  it('is refused at once, not held', async () => {
    rooms = new RoomServer({ store: new MemoryStore() })
    const client = connect(rooms)
    await settle()
    const doc = new Y.Doc()
    doc.getText('text').insert(0, 'typed offline')
    const before = Y.encodeStateVector(doc)
    doc.getText('text').insert(13, '!', { bold: true })
    const update = Y.encodeStateAsUpdate(doc, before)
    // Corrupt the JSON of the format mark: Yjs cannot decode it, though its lengths all hold.
    const json = Buffer.from(update).indexOf(Buffer.from('true'))
    const corrupt = update.slice()
    corrupt[json + 3] = 'x'.charCodeAt(0)
    expect(() => Y.decodeUpdate(corrupt)).toThrow()
    client.update(corrupt)
    await settle()
    expect(client.closes).toEqual([{ code: CloseCode.InvalidPayload, reason: 'malformed message' }])
  })
})
