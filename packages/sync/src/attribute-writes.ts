import * as Y from 'yjs'
import type { DecodedUpdate } from './connection.ts'

/**
 * Which attributes of which Y.XmlElements an update sets, and which elements it deletes, read
 * from the decoded update against the room's document (which holds only stored content): for
 * checks of attribute values that depend on what an element holds now (a per-connection
 * `checkContent`, see connection.ts).
 *
 * y-prosemirror keeps a node's attributes as its element's attributes: each an item whose parent
 * is the element and whose key (`parentSub`) is the attribute's name. Yjs leaves parent and key
 * out of an item with an origin (an attribute set again: its origin is the value before), so
 * those are found through the origin, in the update or in the document.
 */

/** The element an attribute is written to. */
export type WrittenElement =
  /** One the document holds now (not deleted). */
  | { kind: 'existing'; element: Y.XmlElement }
  /** One this update creates. */
  | { kind: 'created'; nodeName: string }
  /**
   * Not found: the item builds on content still waiting in the commit queue (an earlier update
   * not stored yet), so neither the element nor, for an attribute set again, its key is known.
   */
  | { kind: 'unknown' }

export interface ElementWrites {
  target: WrittenElement
  /**
   * Attribute name (null where not known) → every value the update writes to it. Values the
   * update itself deletes again (superseded within it) are left out.
   */
  attributes: Map<string | null, unknown[]>
}

export interface AttributeWrites {
  /** One entry per element written to or created; every unknown element shares one entry. */
  elements: ElementWrites[]
  /** Elements of the document that the update deletes. */
  deleted: Y.XmlElement[]
}

type Struct = Y.Item | Y.GC | Y.Skip
/**
 * Where an item goes: into the type `holder` stands for (an item of the update or the document
 * whose content is a type, or an integrated type) under `key`; `root` for a root type's own
 * content; `gone` for content deleted for good (what it writes can never be seen); `unknown`
 * for content not found, still waiting in the commit queue.
 */
type Place =
  | { kind: 'in'; holder: Struct | Y.AbstractType<unknown>; key: string | null }
  | { kind: 'root' | 'gone' | 'unknown' }

const UNKNOWN: Place = { kind: 'unknown' }
const GONE: Place = { kind: 'gone' }
const ROOT: Place = { kind: 'root' }

export function attributeWrites({ structs, ds }: DecodedUpdate, doc: Y.Doc): AttributeWrites {
  const inUpdate = structFinder(structs)
  const find = (id: Y.ID): Struct | undefined =>
    inUpdate(id) ??
    (id.clock < Y.getState(doc.store, id.client) ? Y.getItem(doc.store, id) : undefined)
  const places = new Map<Y.Item, Place>()

  function placeOf(item: Y.Item): Place {
    const known = places.get(item)
    if (known) return known
    places.set(item, UNKNOWN) // a cycle of origins (a forged update) ends as unknown
    let place: Place
    const parent = item.parent as string | Y.ID | Y.AbstractType<unknown> | null
    if (parent instanceof Y.AbstractType)
      place = { kind: 'in', holder: parent, key: item.parentSub }
    else if (typeof parent === 'string') place = ROOT
    else if (parent) {
      const holder = find(parent)
      place = holder ? { kind: 'in', holder, key: item.parentSub } : UNKNOWN
    } else {
      const neighbour = item.origin ?? item.rightOrigin
      const found = neighbour ? find(neighbour) : undefined
      // Only content whose parent was deleted is collected into a GC struct.
      place = found instanceof Y.Item ? placeOf(found) : found ? GONE : UNKNOWN
    }
    places.set(item, place)
    return place
  }

  const byElement = new Map<unknown, ElementWrites>()
  const entry = (identity: unknown, target: WrittenElement) => {
    let writes = byElement.get(identity)
    if (!writes) byElement.set(identity, (writes = { target, attributes: new Map() }))
    return writes
  }
  const unknownElement = {}

  for (const struct of structs) {
    if (!(struct instanceof Y.Item) || Y.isDeleted(ds, struct.id)) continue
    const content = struct.content
    if (content instanceof Y.ContentType && content.type instanceof Y.XmlElement) {
      entry(struct, { kind: 'created', nodeName: content.type.nodeName })
      continue
    }
    if (!(content instanceof Y.ContentAny)) continue
    const place = placeOf(struct)
    let writes: ElementWrites
    if (place.kind === 'unknown') writes = entry(unknownElement, { kind: 'unknown' })
    else if (place.kind === 'in' && place.key !== null) {
      const target = targetOf(place.holder, inUpdate, ds)
      if (!target) continue
      writes = entry(target.kind === 'existing' ? target.element : place.holder, target)
    } else continue // a value in a list, a root type's own content, or deleted content
    const key = place.kind === 'in' ? place.key : null
    writes.attributes.set(key, [...(writes.attributes.get(key) ?? []), ...content.getContent()])
  }
  return { elements: [...byElement.values()], deleted: deletedElements(ds, doc) }
}

/**
 * The element a holder stands for; undefined when the write cannot matter: not an element
 * (a map, a text), or an element that is deleted, in the document or by this update.
 */
function targetOf(
  holder: Struct | Y.AbstractType<unknown>,
  inUpdate: (id: Y.ID) => Struct | undefined,
  ds: DecodedUpdate['ds'],
): WrittenElement | undefined {
  const type =
    holder instanceof Y.AbstractType
      ? holder
      : holder instanceof Y.Item && holder.content instanceof Y.ContentType
        ? holder.content.type
        : undefined
  if (!(type instanceof Y.XmlElement)) return undefined
  const item = holder instanceof Y.Item ? holder : type._item
  if (!item || Y.isDeleted(ds, item.id)) return undefined
  if (inUpdate(item.id) === item) return { kind: 'created', nodeName: type.nodeName }
  return item.deleted ? undefined : { kind: 'existing', element: type }
}

/** Elements of the document, not deleted yet, that the delete set deletes. */
function deletedElements(ds: DecodedUpdate['ds'], doc: Y.Doc): Y.XmlElement[] {
  const deleted: Y.XmlElement[] = []
  for (const [client, ranges] of ds.clients) {
    const structs = doc.store.clients.get(client)
    if (!structs) continue
    const end = Y.getState(doc.store, client)
    for (const { clock, len } of ranges) {
      if (clock >= end || clock + len <= structs[0]!.id.clock) continue
      const start = Math.max(clock, structs[0]!.id.clock)
      for (let i = Y.findIndexSS(structs, start); i < structs.length; i++) {
        const struct = structs[i]!
        if (struct.id.clock >= clock + len) break
        if (
          struct instanceof Y.Item &&
          !struct.deleted &&
          struct.content instanceof Y.ContentType &&
          struct.content.type instanceof Y.XmlElement
        ) {
          deleted.push(struct.content.type)
        }
      }
    }
  }
  return deleted
}

/** Finds a struct of the update by id: a binary search in its client's run. */
function structFinder(structs: readonly Struct[]) {
  const byClient = new Map<number, Struct[]>()
  for (const struct of structs) {
    const run = byClient.get(struct.id.client)
    if (run) run.push(struct)
    else byClient.set(struct.id.client, [struct])
  }
  return (id: Y.ID): Struct | undefined => {
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
}
