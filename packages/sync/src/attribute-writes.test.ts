import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { attributeWrites, type AttributeWrites } from './attribute-writes.ts'

/** A room's document with one ask in its minutes, and a client's copy of it. */
function minutes() {
  const room = new Y.Doc()
  const ask = new Y.XmlElement('ask')
  ask.setAttribute('id', 'k1')
  ask.setAttribute('status', 'agreed')
  room.getXmlFragment('default').insert(0, [ask])
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room))
  return { room, client }
}

/** What `change` makes of the client's copy, as one update, read against the room's document. */
function writesOf(room: Y.Doc, client: Y.Doc, change: (fragment: Y.XmlFragment) => void) {
  let update: Uint8Array | undefined
  client.once('update', (changed: Uint8Array) => (update = changed))
  client.transact(() => change(client.getXmlFragment('default')))
  return attributeWrites(Y.decodeUpdate(update!), room)
}

const first = (fragment: Y.XmlFragment) => fragment.get(0) as Y.XmlElement

const summary = ({ elements }: AttributeWrites) =>
  elements.map(({ target, attributes }) => ({
    kind: target.kind,
    name: target.kind === 'existing' ? target.element.nodeName : undefined,
    attributes: Object.fromEntries(attributes),
  }))

describe('attributeWrites', () => {
  it('finds attributes set on an element of the document, the first time and again', () => {
    const { room, client } = minutes()
    const writes = writesOf(room, client, (fragment) => {
      first(fragment).setAttribute('status', 'sent') // its origin: the value before
      first(fragment).setAttribute('target', 'HM Treasury') // its parent: the element
    })
    expect(summary(writes)).toEqual([
      { kind: 'existing', name: 'ask', attributes: { status: ['sent'], target: ['HM Treasury'] } },
    ])
    expect((writes.elements[0]!.target as { element: Y.XmlElement }).element).toBe(
      first(room.getXmlFragment('default')),
    )
  })

  it('finds an element the update creates with its attributes, lists kept whole', () => {
    const { room, client } = minutes()
    const writes = writesOf(room, client, (fragment) => {
      const ask = new Y.XmlElement('ask')
      ask.setAttribute('id', 'k2')
      ask.setAttribute('supporters', ['alc', 'cnn'] as unknown as string)
      ask.insert(0, [new Y.XmlText('Publish it.')])
      fragment.insert(1, [ask])
    })
    expect(summary(writes)).toEqual([
      { kind: 'created', attributes: { id: ['k2'], supporters: [['alc', 'cnn']] } },
    ])
  })

  it('leaves out values the update replaces itself, and writes into deleted elements', () => {
    const { room, client } = minutes()
    expect(
      summary(
        writesOf(room, client, (fragment) => {
          first(fragment).setAttribute('status', 'sent')
          first(fragment).setAttribute('status', 'proposed')
        }),
      ),
    ).toEqual([{ kind: 'existing', name: 'ask', attributes: { status: ['proposed'] } }])

    const writer = new Y.Doc()
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(room))
    room.transact(() => room.getXmlFragment('default').delete(0, 1))
    const intoDeleted = writesOf(room, writer, (fragment) =>
      first(fragment).setAttribute('status', 'sent'),
    )
    expect(intoDeleted.elements).toEqual([])
  })

  it('lists the elements the update deletes', () => {
    const { room, client } = minutes()
    const writes = writesOf(room, client, (fragment) => fragment.delete(0, 1))
    expect(writes.deleted).toEqual([first(room.getXmlFragment('default'))])
    expect(writes.deleted[0]!.getAttribute('status')).toBe('agreed')
  })

  it('says when a value builds on content the document does not hold yet', () => {
    const { room, client } = minutes()
    // The first change waits in the commit queue: the room's document has not got it.
    writesOf(room, client, (fragment) => first(fragment).setAttribute('status', 'sent'))
    const writes = writesOf(room, client, (fragment) =>
      first(fragment).setAttribute('status', 'agreed'),
    )
    expect(summary(writes)).toEqual([
      { kind: 'unknown', name: undefined, attributes: { null: ['agreed'] } },
    ])
  })
})
