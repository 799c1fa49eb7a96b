import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { isAllowedHref, type ContentSchema } from './content-check.ts'
import { CloseCode } from './protocol.ts'
import { startHarness, waitFor, type Client } from './testing/websocket-harness.ts'

/** A small editor schema, shaped like ProseMirror's: what the room is told the minutes hold. */
const node = (attrs: Record<string, unknown> = {}, isText = false) => ({ spec: { attrs }, isText })
const schema: ContentSchema = {
  topNodeType: { name: 'doc' },
  nodes: {
    doc: node(),
    paragraph: node(),
    heading: node({ level: { default: 1 } }),
    mention: node({ id: {}, label: {} }),
    text: node({}, true),
  },
  marks: { bold: { spec: {} }, link: { spec: { attrs: { href: {}, target: {} } } } },
}
const FIELD = 'default'

let harness: Awaited<ReturnType<typeof startHarness>> | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

async function start() {
  harness = await startHarness({ contentSchema: { field: FIELD, schema } })
  return harness
}

/** Every close code the server sent this client. */
function closeCodes(client: Client): number[] {
  const codes: number[] = []
  client.provider.on('connection-close', (event) => event && codes.push(event.code))
  return codes
}

function paragraph(text: string, marks?: Record<string, unknown>): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  const content = new Y.XmlText()
  content.insert(0, text, marks)
  element.insert(0, [content])
  return element
}

/** The stored document, as a new client loading it would get it. */
async function stored(name = 'minutes'): Promise<string> {
  const doc = new Y.Doc()
  for (const update of await harness!.store.load(name)) Y.applyUpdate(doc, update)
  return doc.getXmlFragment(FIELD).toString()
}

describe('a room told its editor schema', () => {
  it('stores what an editor writes: nodes, attributes, marks, links, typing and deleting', async () => {
    const { client } = await start()
    const writer = client('minutes')
    const reader = client('minutes')
    await writer.synced()
    const codes = closeCodes(writer)
    const minutes = writer.doc.getXmlFragment(FIELD)
    const heading = new Y.XmlElement('heading')
    heading.setAttribute('level', 2 as unknown as string)
    heading.insert(0, [new Y.XmlText('Agenda')])
    const linked = paragraph('see ', { bold: {} })
    const mention = new Y.XmlElement('mention')
    mention.setAttribute('id', 'org-1')
    linked.insert(1, [mention])
    minutes.insert(0, [heading, linked, paragraph('the site', { link: { href: 'https://x.org' } })])
    await writer.saved()
    // Keystrokes placed after items the room already has: their place is found in its document.
    const text = (minutes.get(2) as Y.XmlElement).get(0) as Y.XmlText
    for (const character of ' today') text.insert(text.length, character)
    text.format(0, 3, { bold: {} })
    heading.setAttribute('level', 3 as unknown as string)
    ;(minutes.get(0) as Y.XmlElement).delete(0, 1)
    writer.doc.getMap('dismissed').set('suggestion-1', true)
    writer.text.insert(0, 'another root type is not checked')
    await writer.saved()
    await waitFor(() => reader.doc.getXmlFragment(FIELD).toString() === minutes.toString())
    expect(await stored()).toBe(minutes.toString())
    expect(codes).toEqual([])
  })

  const foreign: [string, (minutes: Y.XmlFragment) => void][] = [
    ['an element the schema lacks', (m) => m.insert(0, [new Y.XmlElement('script')])],
    ['an unknown mark', (m) => m.insert(0, [paragraph('x', { script: { src: 'x' } })])],
    [
      'an attribute the node lacks',
      (m) => {
        const element = paragraph('x')
        element.setAttribute('onclick', 'alert(1)')
        m.insert(0, [element])
      },
    ],
    [
      'a javascript: link',
      (m) => m.insert(0, [paragraph('x', { link: { href: 'javascript:alert(1)' } })]),
    ],
    [
      'a mark attribute the mark lacks',
      (m) => m.insert(0, [paragraph('x', { bold: { onclick: 'x' } })]),
    ],
    ['text straight in the fragment', (m) => m.insert(0, [new Y.XmlText('x')])],
    ['another shared type', (m) => m.insert(0, [new Y.XmlFragment() as unknown as Y.XmlElement])],
  ]
  for (const [what, write] of foreign) {
    it(`closes with 1007 and stores nothing for ${what}`, async () => {
      const { client } = await start()
      const writer = client('minutes')
      await writer.synced()
      writer.doc.getXmlFragment(FIELD).insert(0, [paragraph('before')])
      await writer.saved()
      const codes = closeCodes(writer)
      write(writer.doc.getXmlFragment(FIELD))
      await waitFor(() => codes.length > 0, { message: `${what} was not refused` })
      expect(codes[0]).toBe(CloseCode.InvalidPayload)
      writer.destroy()
      expect(await stored()).toBe('<paragraph>before</paragraph>')
    })
  }

  it('refuses a foreign attribute set later on a node it already has', async () => {
    const { client } = await start()
    const writer = client('minutes')
    await writer.synced()
    const element = paragraph('kept')
    writer.doc.getXmlFragment(FIELD).insert(0, [element])
    await writer.saved()
    const codes = closeCodes(writer)
    element.setAttribute('onmouseover', 'alert(1)')
    await waitFor(() => codes.length > 0)
    expect(codes[0]).toBe(CloseCode.InvalidPayload)
    writer.destroy()
    expect(await stored()).toBe('<paragraph>kept</paragraph>')
  })
})

describe('isAllowedHref', () => {
  it('allows what Tiptap Link writes and refuses script schemes however they are spelt', () => {
    for (const href of ['https://a.org', 'mailto:a@b.org', '/path', '#top', 'tel:+1', '']) {
      expect(isAllowedHref(href), href).toBe(true)
    }
    for (const href of [
      'javascript:alert(1)',
      ' JaVa\tScRiPt:x',
      'data:text/html,x',
      'vbscript:x',
    ]) {
      expect(isAllowedHref(href), href).toBe(false)
    }
  })
})
