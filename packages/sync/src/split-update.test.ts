import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { splitUpdate } from './split-update.ts'

/** One edit a replica makes: text typed or deleted, a paragraph added, a value set, a sync. */
const edit = fc.oneof(
  fc.record({
    kind: fc.constant('type' as const),
    at: fc.nat(),
    text: fc.string({ maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.nat(5) }),
  fc.record({ kind: fc.constant('paragraph' as const), at: fc.nat(), text: fc.string() }),
  fc.record({ kind: fc.constant('set' as const), key: fc.constantFrom('a', 'b'), value: fc.nat() }),
  fc.record({ kind: fc.constant('sync' as const), from: fc.nat(2), to: fc.nat(2) }),
)

type Edit = typeof edit extends fc.Arbitrary<infer T> ? T : never

/** Three replicas edit concurrently and sync now and then: updates with crossing references. */
function edited(edits: Edit[]): Y.Doc[] {
  const docs = [1, 2, 3].map((client) => {
    const doc = new Y.Doc()
    doc.clientID = client
    return doc
  })
  edits.forEach((e, i) => {
    const doc = docs[i % 3]!
    const text = doc.getText('text')
    const minutes = doc.getXmlFragment('minutes')
    if (e.kind === 'type') text.insert(e.at % (text.length + 1), e.text)
    else if (e.kind === 'delete' && text.length > 0) {
      const at = e.at % text.length
      text.delete(at, Math.min(e.length, text.length - at))
    } else if (e.kind === 'paragraph') {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(e.text)])
      minutes.insert(e.at % (minutes.length + 1), [paragraph])
    } else if (e.kind === 'set') doc.getMap('map').set(e.key, e.value)
    else if (e.kind === 'sync') {
      Y.applyUpdate(docs[e.to]!, Y.encodeStateAsUpdate(docs[e.from]!))
    }
  })
  return docs
}

function sameDocument(a: Y.Doc, b: Y.Doc): void {
  expect(b.getText('text').toString()).toBe(a.getText('text').toString())
  expect(b.getXmlFragment('minutes').toString()).toBe(a.getXmlFragment('minutes').toString())
  expect(b.getMap('map').toJSON()).toEqual(a.getMap('map').toJSON())
  expect(Y.encodeStateVector(b)).toEqual(Y.encodeStateVector(a))
  const deletes = (doc: Y.Doc) => Y.createDeleteSetFromStructStore(doc.store)
  expect(Y.equalDeleteSets(deletes(a), deletes(b))).toBe(true)
  expect(b.store.pendingStructs).toBeNull()
  expect(b.store.pendingDs).toBeNull()
}

describe('splitting an update', () => {
  it('makes pieces that, applied in order, give the same document', () => {
    fc.assert(
      fc.property(
        fc.array(edit, { maxLength: 60 }),
        fc.integer({ min: 1, max: 200 }),
        (edits, maxBytes) => {
          const docs = edited(edits)
          const whole = new Y.Doc()
          // A snapshot of all three, and one replica's own updates merged with another's.
          for (const doc of docs) Y.applyUpdate(whole, Y.encodeStateAsUpdate(doc))
          const updates = [
            Y.encodeStateAsUpdate(whole),
            Y.mergeUpdates(docs.map((doc) => Y.encodeStateAsUpdate(doc))),
          ]
          for (const update of updates) {
            const pieces = splitUpdate(update, maxBytes)
            const rebuilt = new Y.Doc()
            for (const piece of pieces) Y.applyUpdate(rebuilt, piece)
            sameDocument(whole, rebuilt)
          }
        },
      ),
      { numRuns: 300 },
    )
  })

  it('keeps pieces near the size asked for', () => {
    const doc = new Y.Doc()
    const minutes = doc.getXmlFragment('minutes')
    for (let i = 0; i < 2000; i++) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(`Paragraph ${i} of a long imported document.`)])
      minutes.insert(minutes.length, [paragraph])
    }
    const update = Y.encodeStateAsUpdate(doc)
    const pieces = splitUpdate(update, 8 * 1024)
    expect(pieces.length).toBeGreaterThan(update.byteLength / (10 * 1024))
    for (const piece of pieces) expect(piece.byteLength).toBeLessThan(8 * 1024 + 200)
    expect(splitUpdate(update, update.byteLength)).toEqual([update])
  })
})
