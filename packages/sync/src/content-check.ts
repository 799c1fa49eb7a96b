import * as Y from 'yjs'

/**
 * What an editor's schema lets a Y.XmlFragment hold, as y-prosemirror writes it: each node is
 * a Y.XmlElement named after its type with the type's attributes, text is Y.XmlText whose
 * formats are marks (named after their type, `name--hash` for marks that may overlap) with
 * their attributes. A ProseMirror `Schema` has this shape.
 */
export interface ContentSchema {
  nodes: Readonly<Record<string, { readonly spec: { readonly attrs?: object }; isText: boolean }>>
  marks: Readonly<Record<string, { readonly spec: { readonly attrs?: object } }>>
  topNodeType: { readonly name: string }
}

/** Refuses (with a reason) or accepts an update's structs, seen against the room's document. */
export type ContentCheck = (
  structs: readonly (Y.Item | Y.GC | Y.Skip)[],
  doc: Y.Doc,
) => string | undefined

/**
 * Link targets Tiptap's Link accepts (its default `isAllowedUri`, protocols and all): any
 * other scheme (`javascript:`, `data:`, `vbscript:`) is one no editor writes. Whitespace and
 * control characters are removed first, as browsers do before reading a scheme.
 */
const ALLOWED_PROTOCOLS = 'http|https|ftp|ftps|mailto|tel|callto|sms|cid|xmpp'
const ALLOWED_URI = new RegExp(
  `^(?:(?:${ALLOWED_PROTOCOLS}):|[^a-z]|[a-z0-9+.\\-]+(?:[^a-z+.\\-:]|$))`,
  'i',
)
// eslint-disable-next-line no-control-regex
const IGNORED_IN_URI = /[\u0000-\u0020\u00A0\u1680\u180E\u2000-\u2029\u205F\u3000]/g

export function isAllowedHref(href: string): boolean {
  return href === '' || ALLOWED_URI.test(href.replace(IGNORED_IN_URI, ''))
}

/** Where an item's content lives: which node it is in, or outside the checked fragment. */
type Place =
  | { kind: 'fragment' }
  | { kind: 'element'; name: string }
  | { kind: 'text' }
  | { kind: 'outside' }
  | { kind: 'other' }
/** The item's place and, for an attribute or format, its key. `undefined`: not known yet. */
type Location = { place: Place; key: string | null } | undefined

const OUTSIDE: Place = { kind: 'outside' }
const FRAGMENT: Place = { kind: 'fragment' }
const TEXT: Place = { kind: 'text' }
const OTHER: Place = { kind: 'other' }

/**
 * A check that refuses content the editor's schema cannot hold in the Y.XmlFragment `field`:
 * y-prosemirror deletes what it cannot map from the shared document (an unknown element, a
 * text with an unknown mark: the whole text), so one member's update would make every editor
 * that opens the minutes delete content, one transaction per node. Deletions are never
 * refused. Other root types (say a Y.Map beside the minutes) are not checked.
 *
 * An item's place comes from its parent, or from its origin's place when Yjs leaves the parent
 * out: looked up in the update itself or the room's document (a binary search; a keystroke has
 * one). An origin still waiting in the commit queue is not found: such an item gets the checks
 * that need no place (element names, marks, attribute names of some node).
 */
export function schemaContentCheck(field: string, schema: ContentSchema): ContentCheck {
  const top = schema.topNodeType.name
  const nodeAttrs = new Map<string, Set<string>>()
  for (const [name, type] of Object.entries(schema.nodes)) {
    if (name !== top && !type.isText)
      nodeAttrs.set(name, new Set(Object.keys(type.spec.attrs ?? {})))
  }
  const anyNodeAttr = new Set([...nodeAttrs.values()].flatMap((attrs) => [...attrs]))
  const markAttrs = new Map<string, Set<string>>()
  for (const [name, type] of Object.entries(schema.marks)) {
    markAttrs.set(name, new Set(Object.keys(type.spec.attrs ?? {})))
  }

  function checkFormat(key: string, value: unknown): string | undefined {
    const name = key.split('--', 1)[0]!
    const attrs = markAttrs.get(name)
    if (!attrs) return `the minutes have no mark ${JSON.stringify(name)}`
    if (value === null) return undefined
    if (typeof value !== 'object' || Array.isArray(value)) {
      return `a ${name} mark's attributes must be an object`
    }
    for (const [attr, attrValue] of Object.entries(value as Record<string, unknown>)) {
      if (!attrs.has(attr)) return `a ${name} mark has no attribute ${JSON.stringify(attr)}`
      if (attr === 'href' && typeof attrValue === 'string' && !isAllowedHref(attrValue)) {
        return `a link to ${JSON.stringify(attrValue.slice(0, 40))} is not allowed`
      }
    }
    return undefined
  }

  function checkType(type: Y.AbstractType<unknown>, place: Place | undefined): string | undefined {
    if (type instanceof Y.XmlElement) {
      if (!nodeAttrs.has(type.nodeName)) {
        return `the minutes cannot hold a ${JSON.stringify(type.nodeName)} element`
      }
      if (place?.kind === 'text') return 'an element inside text'
      return undefined
    }
    if (type instanceof Y.XmlText) {
      if (place?.kind === 'fragment') return 'text outside any paragraph'
      if (place?.kind === 'text') return 'text inside text'
      return undefined
    }
    return `the minutes cannot hold a ${type.constructor.name}`
  }

  return (structs, doc) => {
    const locate = locator(structs, doc, field)
    for (const struct of structs) {
      if (!(struct instanceof Y.Item)) continue
      const content = struct.content
      if (content instanceof Y.ContentDeleted) continue
      const location = locate(struct)
      const place = location?.place
      if (place?.kind === 'outside') continue
      const key = location ? location.key : struct.parentSub
      let refused: string | undefined
      if (content instanceof Y.ContentType) {
        refused = key !== null ? 'a node as an attribute' : checkType(content.type, place)
      } else if (content instanceof Y.ContentFormat) {
        refused =
          place && place.kind !== 'text'
            ? 'formatting outside text'
            : checkFormat(content.key, content.value)
      } else if (content instanceof Y.ContentString) {
        if (place && place.kind !== 'text') refused = 'text outside any paragraph'
      } else if (content instanceof Y.ContentAny) {
        if (place?.kind === 'element') {
          if (key === null) refused = 'a value among the nodes'
          else if (!nodeAttrs.get(place.name)!.has(key)) {
            refused = `a ${place.name} has no attribute ${JSON.stringify(key)}`
          }
        } else if (place) {
          refused = 'a value outside any node'
        } else if (key !== null && !anyNodeAttr.has(key)) {
          refused = `no node of the minutes has an attribute ${JSON.stringify(key)}`
        }
      } else {
        refused = `the minutes cannot hold ${content.constructor.name}`
      }
      if (refused) return refused
    }
    return undefined
  }
}

/**
 * Finds where each item of an update goes. Items of the update are found by binary search in
 * their client's run of structs, others in the document's store; results are remembered, so a
 * chain of items each placed after the previous one is walked once.
 */
function locator(structs: readonly (Y.Item | Y.GC | Y.Skip)[], doc: Y.Doc, field: string) {
  const byClient = new Map<number, (Y.Item | Y.GC | Y.Skip)[]>()
  for (const struct of structs) {
    const run = byClient.get(struct.id.client)
    if (run) run.push(struct)
    else byClient.set(struct.id.client, [struct])
  }
  const minutes = doc.share.get(field)
  const known = new Map<Y.Item, Location>()

  const inUpdate = (id: Y.ID): Y.Item | Y.GC | Y.Skip | undefined => {
    const run = byClient.get(id.client)
    if (!run) return undefined
    let low = 0
    let high = run.length - 1
    while (low <= high) {
      const middle = (low + high) >> 1
      const struct = run[middle]!
      if (id.clock < struct.id.clock) high = middle - 1
      else if (id.clock >= struct.id.clock + struct.length) low = middle + 1
      else return struct
    }
    return undefined
  }
  const inDocument = (id: Y.ID): Y.Item | Y.GC | undefined => {
    if (id.clock >= Y.getState(doc.store, id.client)) return undefined
    return Y.getItem(doc.store, id)
  }

  /** The place of an integrated type: by walking up to its root. */
  const placeOfIntegrated = (type: Y.AbstractType<unknown>): Place => {
    let root = type
    while (root._item) root = root._item.parent as Y.AbstractType<unknown>
    if (root !== minutes) return OUTSIDE
    if (type === minutes) return FRAGMENT
    if (type instanceof Y.XmlElement) return { kind: 'element', name: type.nodeName }
    if (type instanceof Y.XmlText) return TEXT
    return OTHER
  }

  /** The place inside the type held by `holder` (an item whose content is a type). */
  const placeInside = (holder: Y.Item | Y.GC | Y.Skip | undefined, fromUpdate: boolean) => {
    if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return undefined
    if (!fromUpdate) return placeOfIntegrated(holder.content.type)
    const outer = locate(holder)?.place
    if (!outer) return undefined
    if (outer.kind === 'outside') return OUTSIDE
    const type = holder.content.type
    if (type instanceof Y.XmlElement) return { kind: 'element', name: type.nodeName } as Place
    if (type instanceof Y.XmlText) return TEXT
    return OTHER
  }

  const locateIntegrated = (item: Y.Item): Location => {
    const parent = item.parent as Y.AbstractType<unknown> | null
    return parent ? { place: placeOfIntegrated(parent), key: item.parentSub } : undefined
  }

  function locate(item: Y.Item): Location {
    if (known.has(item)) return known.get(item)
    // Marked as unknown first: a cycle of origins (a forged update) then ends as unknown.
    known.set(item, undefined)
    let location: Location
    const parent = item.parent as string | Y.ID | null
    if (typeof parent === 'string') {
      location = { place: parent === field ? FRAGMENT : OUTSIDE, key: item.parentSub }
    } else if (parent) {
      const fromUpdate = inUpdate(parent)
      const place = placeInside(fromUpdate ?? inDocument(parent), fromUpdate !== undefined)
      location = place && { place, key: item.parentSub }
    } else {
      const neighbour = item.origin ?? item.rightOrigin
      const fromUpdate = neighbour && inUpdate(neighbour)
      if (fromUpdate instanceof Y.Item) location = locate(fromUpdate)
      else if (neighbour && !fromUpdate) {
        const integrated = inDocument(neighbour)
        if (integrated instanceof Y.Item) location = locateIntegrated(integrated)
      }
    }
    known.set(item, location)
    return location
  }

  return locate
}
