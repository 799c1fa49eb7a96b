/**
 * Writing minutes no editor would write: a member's own Yjs client puts elements, attributes
 * and marks straight into the shared Y.XmlFragment, skipping every check Tiptap's schema makes
 * when it parses a paste. What the schema cannot hold the server must refuse; what it can
 * (payloads in every text and attribute) other members' editors and the exports must render
 * inertly.
 */
import * as Y from 'yjs'
import { MINUTES_FIELD, minutesSchema } from '@accord/minutes'
import { isAllowedHref } from '@accord/sync'
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
 * The nodes one payload is written as, within the schema: its text in a paragraph, a link
 * whose href is the payload (when it is a link the editor would write), bold text, every
 * structured node with the payload in each attribute the node has (so it also reaches the
 * ledger and the joint letter), a mention, a heading and a code block.
 */
function rawNodes(
  { payload, id, marker }: Payload & { marker: string },
  organisationId: string,
): Y.XmlElement[] {
  const detector = `alert(${id})`
  const link = isAllowedHref(payload) ? { link: { href: payload, target: payload } } : undefined
  return [
    element('paragraph', {}, [text(`${marker} ${payload}`)]),
    element('paragraph', {}, [
      text(`${marker} link`, link),
      text(' bold', { bold: {} }),
      text(' safe', { link: { href: `https://example.org/payload/${id}` } }),
    ]),
    element(
      'actionItem',
      schemaAttrs('actionItem', {
        id: `xss-action-${marker}`,
        owners: [organisationId, payload],
        assignee: payload,
        due: payload,
        dueText: payload,
        status: payload,
        carriedFrom: payload,
      }),
      [text(`${marker} action ${payload}`)],
    ),
    element(
      'ask',
      schemaAttrs('ask', {
        id: `xss-ask-${marker}`,
        target: payload,
        supporters: [payload],
        status: 'agreed',
      }),
      [text(`${marker} ask ${payload}`)],
    ),
    element('decision', schemaAttrs('decision', { id: `xss-decision-${marker}` }), [
      text(`${marker} decision `),
      element(
        'organisationMention',
        schemaAttrs('organisationMention', { id: payload, label: payload }),
        [],
      ),
    ]),
    element('heading', { level: payload }, [text(`${marker} heading ${payload}`)]),
    element('codeBlock', { language: `${payload} ${detector}` }, [text(payload)]),
  ]
}

/** Only the attributes the node has: others the server refuses (see foreignWrites). */
function schemaAttrs(node: string, attrs: Record<string, unknown>): Record<string, unknown> {
  const known = minutesSchema().nodes[node]?.spec.attrs ?? {}
  return Object.fromEntries(Object.entries(attrs).filter(([key]) => key in known))
}

/**
 * Content the schema cannot hold, each kind carrying every payload: the server must refuse
 * each of these updates whole (close 1007) and store none of it.
 */
export function foreignWrites(
  payloads: (Payload & { marker: string })[],
): { what: string; nodes: () => (Y.XmlElement | Y.XmlText)[] }[] {
  const each = <T>(make: (payload: Payload & { marker: string }, detector: string) => T) =>
    payloads.map((payload) => make(payload, `alert(${payload.id})`))
  return [
    {
      what: 'elements the schema lacks',
      nodes: () =>
        each(({ id, payload }, detector) =>
          element(
            FOREIGN_ELEMENTS[id % FOREIGN_ELEMENTS.length]!,
            { ...handlerAttrs(detector), src: `javascript:${detector}`, srcdoc: payload },
            [text(payload)],
          ),
        ),
    },
    {
      what: 'an inline foreign element in a paragraph',
      nodes: () =>
        each(({ marker }, detector) =>
          element('paragraph', {}, [
            text(`${marker} inline `),
            element('img', handlerAttrs(detector), []),
          ]),
        ),
    },
    {
      what: 'event handler attributes on paragraphs',
      nodes: () =>
        each(({ marker, payload }, detector) =>
          element('paragraph', handlerAttrs(detector), [text(`${marker} ${payload}`)]),
        ),
    },
    {
      what: 'marks the schema lacks',
      nodes: () =>
        each(({ marker, payload }) =>
          element('paragraph', {}, [text(`${marker} script`, { script: { src: payload } })]),
        ),
    },
    {
      what: 'javascript: links and handlers on marks',
      nodes: () =>
        each(({ marker }, detector) =>
          element('paragraph', {}, [
            text(`${marker} js`, { link: { href: `javascript:${detector}` } }),
            text(' bold', { bold: { onclick: detector } }),
          ]),
        ),
    },
    {
      what: 'text straight in the minutes, outside any paragraph',
      nodes: () => each(({ marker, payload }) => text(`${marker} ${payload}`)),
    },
  ]
}

/** Appends every payload's raw nodes to the minutes, `perUpdate` payloads to an update. */
export function writeRawPayloads(
  doc: Y.Doc,
  payloads: (Payload & { marker: string })[],
  organisationId: string,
  perUpdate = 25,
): void {
  const minutes = doc.getXmlFragment(MINUTES_FIELD)
  for (let start = 0; start < payloads.length; start += perUpdate) {
    doc.transact(() => {
      minutes.insert(
        minutes.length,
        payloads
          .slice(start, start + perUpdate)
          .flatMap((payload) => rawNodes(payload, organisationId)),
      )
    })
  }
}
