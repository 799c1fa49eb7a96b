import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MINUTES_FIELD, minutesNode, minutesSchema, readMinutes } from './index.ts'

const minutes = {
  type: 'doc',
  content: [
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'ALC update' }] },
    {
      type: 'paragraph',
      content: [{ type: 'text', text: 'ALC will circulate the manifesto analysis.' }],
    },
    {
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Pay' }] }],
        },
      ],
    },
  ],
}

describe('readMinutes', () => {
  it('reads back what the editor schema wrote, block by block', () => {
    const doc = prosemirrorJSONToYDoc(minutesSchema(), minutes, MINUTES_FIELD)
    const read = readMinutes(doc)
    expect(read.text).toBe('ALC update\nALC will circulate the manifesto analysis.\nPay')
    expect(read.json.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 2 } })
  })

  it('survives a round trip through a Yjs update without duplicating content', () => {
    const source = prosemirrorJSONToYDoc(minutesSchema(), minutes, MINUTES_FIELD)
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source))
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(source))
    expect(readMinutes(copy).text).toBe(readMinutes(source).text)
  })

  it('reads an empty document as empty minutes', () => {
    expect(readMinutes(new Y.Doc()).text).toBe('')
  })
})

describe('reading minutes that hold what the schema cannot', () => {
  it('shows the rest and leaves the document as it was (y-prosemirror would delete it)', () => {
    const doc = prosemirrorJSONToYDoc(minutesSchema(), minutes, MINUTES_FIELD)
    const foreign = new Y.XmlElement('script')
    foreign.insert(0, [new Y.XmlText('alert(1)')])
    doc.getXmlFragment(MINUTES_FIELD).insert(1, [foreign])
    const before = Y.encodeStateAsUpdate(doc)
    const changes: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => changes.push(update))

    expect(readMinutes(doc).text).toBe(
      'ALC update\nALC will circulate the manifesto analysis.\nPay',
    )
    expect(changes).toEqual([])
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
  })

  it('reads a private copy as it is when asked not to copy it, with the same minutes', () => {
    const doc = prosemirrorJSONToYDoc(minutesSchema(), minutes, MINUTES_FIELD)
    expect(minutesNode(doc, { copy: false }).toJSON()).toEqual(minutesNode(doc).toJSON())
  })
})
