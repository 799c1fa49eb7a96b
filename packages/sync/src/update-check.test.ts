import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkUpdate, UPDATE_LIMITS } from './update-check.ts'

const nothingKnown = () => 0

function knownFrom(doc: Y.Doc) {
  return (client: number) => Y.getState(doc.store, client)
}

describe('checkUpdate', () => {
  it('accepts what an editor sends, and reports where each client ends', () => {
    const doc = new Y.Doc()
    const fragment = doc.getXmlFragment('default')
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText()
    paragraph.insert(0, [text])
    fragment.insert(0, [paragraph])
    text.insert(0, 'Tom to draft the letter', { bold: {} })
    const update = Y.encodeStateAsUpdate(doc)
    const { refused, ends } = checkUpdate(update, nothingKnown)
    expect(refused).toBeNull()
    expect(ends.get(doc.clientID)).toBe(Y.getState(doc.store, doc.clientID))
  })

  it('accepts an edit that builds on what the room has, deletions included', () => {
    const room = new Y.Doc()
    room.getText('t').insert(0, 'hello world')
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
    const before = Y.encodeStateVector(client)
    client.getText('t').delete(0, 6)
    client.getText('t').insert(0, 'Hello, ')
    const edit = Y.encodeStateAsUpdate(client, before)
    expect(checkUpdate(edit, knownFrom(room)).refused).toBeNull()
    // The same edit to a room that never saw "hello world" would wait in memory for it.
    expect(checkUpdate(edit, nothingKnown).refused).toMatch(/unknown/)
  })

  it('refuses structs that start after a gap', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'a')
    const first = Y.encodeStateAsUpdate(doc)
    const vector = Y.encodeStateVector(doc)
    doc.getText('t').insert(1, 'b')
    const second = Y.encodeStateAsUpdate(doc, vector)
    expect(checkUpdate(first, nothingKnown).refused).toBeNull()
    expect(checkUpdate(second, nothingKnown).refused).toMatch(/gap|unknown/)
  })

  it('refuses an empty deleted range, which Yjs decodes but throws on when applying', () => {
    const room = new Y.Doc()
    room.getText('t').insert(0, 'hello')
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0) // no structs
    encoding.writeVarUint(encoder, 1) // deletions in one client…
    encoding.writeVarUint(encoder, room.clientID)
    encoding.writeVarUint(encoder, 1) // …one range, just past the room's content, of length 0
    encoding.writeVarUint(encoder, 5)
    encoding.writeVarUint(encoder, 0)
    const update = encoding.toUint8Array(encoder)
    expect(() => Y.decodeUpdate(update)).not.toThrow()
    expect(() => Y.applyUpdate(new Y.Doc(), Y.encodeStateAsUpdate(room))).not.toThrow()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(room))
    expect(() => Y.applyUpdate(copy, update)).toThrow()
    expect(checkUpdate(update, knownFrom(room)).refused).toBe('an empty deleted range')
  })

  it('reads on past a gap, so an update held for the step 2 is whole and in bounds', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'a')
    const vector = Y.encodeStateVector(doc)
    doc.getText('t').insert(1, 'bcdef')
    const afterGap = Y.encodeStateAsUpdate(doc, vector)
    expect(checkUpdate(afterGap, nothingKnown)).toMatchObject({ missingContent: true })
    expect(() => checkUpdate(afterGap.slice(0, afterGap.length - 3), nothingKnown)).toThrow()
  })

  it('refuses more structs than a frame may carry before building any', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint(encoder, UPDATE_LIMITS.structs + 1)
    encoding.writeVarUint(encoder, 7)
    encoding.writeVarUint(encoder, 0)
    expect(checkUpdate(encoding.toUint8Array(encoder), nothingKnown).refused).toMatch(/structs/)
  })

  it('refuses deletions spread over more clients than a document has sessions', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint(encoder, UPDATE_LIMITS.deleteClients + 1)
    expect(checkUpdate(encoding.toUint8Array(encoder), nothingKnown).refused).toMatch(/clients/)
  })

  it('throws on a truncated update, as Yjs would', () => {
    const doc = new Y.Doc()
    doc.getText('t').insert(0, 'minutes')
    const update = Y.encodeStateAsUpdate(doc)
    expect(() => checkUpdate(update.slice(0, update.length - 6), nothingKnown)).toThrow()
  })
})
