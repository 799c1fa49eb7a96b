/**
 * Writing minutes no editor would write: a member's own Yjs client puts elements, attributes
 * and marks straight into the shared Y.XmlFragment, skipping every check Tiptap's schema makes
 * when it parses a paste. Other members' editors and the server's exports must cope.
 */
import * as Y from 'yjs'
import { MINUTES_FIELD } from '@accord/minutes'
import type { Payload } from './payloads.ts'

/** Elements the minutes schema does not have, each with the attributes that would run code. */
const FOREIGN_ELEMENTS = [
  'script',
  'iframe',
  'img',
  'svg',
  'a',
  'object',
  'embed',
  'style',
  'math',
  'base',
  'meta',
  'form',
  'video',
  'template',
]

/** Attributes that run script in HTML, with this payload's detector. */
function handlerAttrs(detector: string): Record<string, string> {
  return {
    onerror: detector,
    onload: detector,
    onclick: detector,
    onmouseover: detector,
    onfocus: detector,
    autofocus: 'autofocus',
    style: `background:url("javascript:${detector}");width:expression(${detector})`,
  }
}

function text(content: string, marks?: Record<string, unknown>): Y.XmlText {
  const node = new Y.XmlText()
  node.insert(0, content, marks)
  return node
}

function element(
  name: string,
  attrs: Record<string, unknown>,
  children: (Y.XmlText | Y.XmlElement)[],
): Y.XmlElement {
  const node = new Y.XmlElement(name)
  // Y.XmlElement attributes are typed as strings, but a Yjs client may store any JSON value.
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value as string)
  node.insert(0, children)
  return node
}

/**
 * The nodes one payload is written as: its text in a paragraph and a link, a link mark whose
 * href is the payload, a foreign element carrying it, and every structured node with the
 * payload in each attribute (so it also reaches the ledger and the joint letter).
 */
export function rawNodes(
  { payload, id, marker }: Payload & { marker: string },
  organisationId: string,
): (Y.XmlElement | Y.XmlText)[] {
  const detector = `alert(${id})`
  const handlers = handlerAttrs(detector)
  const foreign = FOREIGN_ELEMENTS[id % FOREIGN_ELEMENTS.length]!
  return [
    element('paragraph', handlers, [text(`${marker} ${payload}`)]),
    element('paragraph', {}, [
      text(`${marker} link`, { link: { href: payload, target: payload, ...handlers } }),
      text(` bold`, { bold: { onclick: detector }, script: { src: payload } }),
      text(' js', { link: { href: `javascript:${detector}` } }),
    ]),
    // An inline foreign element inside a paragraph, and a block one among the paragraphs.
    element('paragraph', {}, [text(`${marker} inline `), element('img', handlers, [])]),
    element(
      foreign,
      {
        ...handlers,
        src: `javascript:${detector}`,
        href: `javascript:${detector}`,
        srcdoc: payload,
      },
      [text(payload)],
    ),
    element(
      'actionItem',
      {
        onclick: detector,
        id: `xss-action-${marker}`,
        owners: [organisationId, payload],
        assignee: payload,
        due: payload,
        dueText: payload,
        status: payload,
        carriedFrom: payload,
      },
      [text(`${marker} action ${payload}`)],
    ),
    element(
      'ask',
      {
        ...handlers,
        id: `xss-ask-${marker}`,
        target: payload,
        supporters: [payload],
        status: 'agreed',
      },
      [text(`${marker} ask ${payload}`)],
    ),
    element('decision', { onclick: detector, id: `xss-decision-${marker}` }, [
      text(`${marker} decision `),
      element('organisationMention', { id: payload, label: payload, onclick: detector }, []),
    ]),
    element('heading', { level: payload, onclick: detector }, [
      text(`${marker} heading ${payload}`),
    ]),
    element('codeBlock', { language: payload, onclick: detector }, [text(payload)]),
  ]
}

/** Appends every payload's raw nodes to the minutes in one update. */
export function writeRawPayloads(
  doc: Y.Doc,
  payloads: (Payload & { marker: string })[],
  organisationId: string,
): void {
  const minutes = doc.getXmlFragment(MINUTES_FIELD)
  doc.transact(() => {
    minutes.insert(
      minutes.length,
      payloads.flatMap((payload) => rawNodes(payload, organisationId)),
    )
  })
}
