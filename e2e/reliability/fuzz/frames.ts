import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { encodeSyncMessage, SyncMessageType } from '@accord/sync'

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

/** An update frame (sync type 2) around `update`. */
export function updateFrame(update: Uint8Array, syncType: number = SyncMessageType.Update) {
  return encodeSyncMessage(syncType, update)
}

export function awarenessFrame(entries: [id: number, clock: number, json: string][]): Uint8Array {
  return frame((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(
      e,
      frame((inner) => {
        encoding.writeVarUint(inner, entries.length)
        for (const [id, clock, json] of entries) {
          encoding.writeVarUint(inner, id)
          encoding.writeVarUint(inner, clock)
          encoding.writeVarString(inner, json)
        }
      }),
    )
  })
}

/** An update with no structs and no deletions: the server counts and acknowledges it. */
export const EMPTY_UPDATE_FRAME = updateFrame(new Uint8Array([0, 0]))

/**
 * What the protocol says of a frame (PROTOCOL.md): true if it decodes as a message the server
 * takes from a client. Only used to group frames, so that one socket carries a run of frames
 * expected to pass and then one expected to be refused; the server decides, and where it
 * decides otherwise the test counts it.
 */
export function looksValid(bytes: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(bytes)
    const type = decoding.readVarUint(decoder)
    if (type === 0) {
      const syncType = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (syncType === 1 || syncType === 2) Y.decodeUpdate(payload)
      return syncType <= 2
    }
    if (type === 1) {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
      const count = decoding.readVarUint(update)
      for (let i = 0; i < count; i++) {
        decoding.readVarUint(update)
        decoding.readVarUint(update)
        JSON.parse(decoding.readVarString(update))
      }
      return true
    }
    return type === 3
  } catch {
    return false
  }
}

/** True for step 2 and update frames, which the server counts towards its "saved" answers. */
export function isCounted(bytes: Uint8Array): boolean {
  return bytes[0] === 0 && (bytes[1] === 1 || bytes[1] === 2) && looksValid(bytes)
}

const INTERESTING = [0, 1, 0x7f, 0x80, 0xff, 0x3f, 0x40]

/**
 * Mutations of recorded frames, from the byte level (flips, truncation, splicing, huge varints)
 * to the payload level (a sync or awareness payload changed but re-wrapped with its correct
 * length, so it reaches Yjs or the awareness decoder rather than failing at the envelope).
 */
export function mutate(corpus: readonly Uint8Array[], random: () => number): Uint8Array {
  const pick = () => corpus[Math.floor(random() * corpus.length)]!
  const source = pick()
  const at = (length: number) => Math.floor(random() * length)
  switch (Math.floor(random() * 9)) {
    case 0:
      return source
    case 1: {
      const copy = source.slice()
      for (let n = 1 + at(3); n > 0; n--) copy[at(copy.length)]! ^= 1 << at(8)
      return copy
    }
    case 2: {
      const copy = source.slice()
      copy[at(copy.length)] = INTERESTING[at(INTERESTING.length)]!
      return copy
    }
    case 3:
      return source.slice(0, at(source.length))
    case 4: {
      const other = pick()
      return concat(source.slice(0, at(source.length)), other.slice(at(other.length)))
    }
    case 5: {
      // A huge varint (up to 2^53) in the middle: lengths and counts near the limits.
      const huge = frame((e) => encoding.writeVarUint(e, Math.floor(random() * 2 ** (20 + at(33)))))
      const cut = at(source.length)
      return concat(source.slice(0, cut), huge, source.slice(cut + (random() < 0.5 ? 1 : 0)))
    }
    case 6:
      // Another message type, known or not, before the same payload.
      return concat(
        frame((e) => encoding.writeVarUint(e, at(130))),
        source.slice(1),
      )
    default: {
      // Mutate inside the payload and wrap it again with a correct length.
      const decoder = decoding.createDecoder(source)
      try {
        const type = decoding.readVarUint(decoder)
        const syncType = type === 0 ? decoding.readVarUint(decoder) : -1
        const payload = decoding.readVarUint8Array(decoder).slice()
        if (payload.length === 0) return source
        for (let n = 1 + at(2); n > 0; n--) {
          payload[at(payload.length)] =
            random() < 0.5 ? at(256) : INTERESTING[at(INTERESTING.length)]!
        }
        return frame((e) => {
          encoding.writeVarUint(e, type)
          if (syncType >= 0) encoding.writeVarUint(e, syncType)
          encoding.writeVarUint8Array(e, payload)
        })
      } catch {
        return source
      }
    }
  }
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0))
  let offset = 0
  for (const part of parts) {
    out.set(part, offset)
    offset += part.length
  }
  return out
}

/** A Yjs update written by hand (V1 format), for shapes no Yjs API produces. */
function rawUpdate(write: (encoder: encoding.Encoder) => void): Uint8Array {
  return frame(write)
}

export interface CraftedFrame {
  name: string
  bytes: Uint8Array
}

/**
 * Frames built to hit limits: lengths and counts near 2^32, millions of structs, clients and
 * awareness entries, deep nesting, truncation, unknown types and oversize frames. Sizes stay
 * under `maxBytes` except the one meant to exceed it.
 */
export function craftedFrames(maxBytes: number): CraftedFrame[] {
  const near32 = 2 ** 32 - 1
  const crafted: CraftedFrame[] = []
  const add = (name: string, bytes: Uint8Array) => crafted.push({ name, bytes })

  add('update length 2^32-1', concat(new Uint8Array([0, 2]), varUint(near32), new Uint8Array(8)))
  add('step 1 length 2^32-1', concat(new Uint8Array([0, 0]), varUint(near32), new Uint8Array(8)))
  add(
    'awareness length 2^32-5',
    concat(new Uint8Array([1]), varUint(near32 - 4), new Uint8Array(4)),
  )
  add('message type 2^32-1', concat(varUint(near32), new Uint8Array([0, 0])))
  add('message type 2^53', varUint(2 ** 53))
  add('unknown message type 7', new Uint8Array([7, 0]))
  add('saved message sent by a client', new Uint8Array([64, 1, 1, 0]))
  add('structure message sent by a client', new Uint8Array([65, 3]))
  add('auth message sent by a client', new Uint8Array([2, 0, 3, 0x61, 0x62, 0x63]))
  add('unknown sync type 9', new Uint8Array([0, 9, 0]))
  add('empty frame', new Uint8Array(0))
  add('truncated varint', new Uint8Array([0x80]))
  add(
    'declared 5 million clients, no bodies',
    updateFrame(rawUpdate((e) => encoding.writeVarUint(e, 5_000_000))),
  )
  add(
    'declared 2^32-1 structs, no bodies',
    updateFrame(
      rawUpdate((e) => {
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint(e, near32)
        encoding.writeVarUint(e, 4242)
        encoding.writeVarUint(e, 0)
      }),
    ),
  )
  add(
    'declared 3 million deletions, no bodies',
    updateFrame(
      rawUpdate((e) => {
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint(e, 3_000_000)
      }),
    ),
  )
  // Real, decodable shapes as large as the frame limit allows.
  const budget = maxBytes - 64
  const gcCount = Math.floor(budget / 2)
  add(
    `${gcCount} one-clock structs`,
    updateFrame(
      rawUpdate((e) => {
        encoding.writeVarUint(e, 1)
        encoding.writeVarUint(e, gcCount)
        encoding.writeVarUint(e, 4243)
        encoding.writeVarUint(e, 0)
        for (let i = 0; i < gcCount; i++) {
          encoding.writeUint8(e, 0)
          encoding.writeVarUint(e, 1)
        }
        encoding.writeVarUint(e, 0)
      }),
    ),
  )
  const dsClients = Math.floor(budget / 7)
  add(
    `deletions in ${dsClients} unknown clients`,
    updateFrame(
      rawUpdate((e) => {
        encoding.writeVarUint(e, 0)
        encoding.writeVarUint(e, dsClients)
        for (let i = 0; i < dsClients; i++) {
          encoding.writeVarUint(e, 100_000 + i)
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint(e, 5)
          encoding.writeVarUint(e, 1)
        }
      }),
    ),
  )
  const awarenessCount = Math.floor(budget / 7)
  add(
    `${awarenessCount} awareness entries`,
    awarenessFrame(
      Array.from(
        { length: awarenessCount },
        (_, i) => [200_000 + i, 1, '0'] as [number, number, string],
      ),
    ),
  )
  const depth = Math.floor(budget / 6)
  add(
    `awareness JSON nested ${depth} objects deep`,
    awarenessFrame([[9_000_001, 1, '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)]]),
  )
  add(
    `awareness JSON nested ${depth * 2} arrays deep`,
    awarenessFrame([[9_000_002, 1, '['.repeat(depth * 2) + ']'.repeat(depth * 2)]]),
  )
  // Each level costs a few bytes more as clocks grow: size it from a sample, with a margin.
  const depthInBudget = Math.floor((budget / nestedElements(1000).length) * 1000 * 0.9)
  add(`XmlElements nested ${depthInBudget} deep`, updateFrame(nestedElements(depthInBudget)))
  // Stored, as a paste would be. Not 2 MiB: the server's projection re-reads the whole minutes
  // on the event loop after each change, about 200 ms for 2 MiB of text (a known issue of
  // apps/server/src/projection, reported with issue 8's fuzzing); a quarter MiB takes ~25 ms.
  add('a large but valid insertion (256 KiB)', updateFrame(hugeInsertion(256 * 1024)))
  add('oversize frame', updateFrame(new Uint8Array(maxBytes + 1)))
  return crafted
}

function varUint(value: number): Uint8Array {
  return frame((e) => encoding.writeVarUint(e, value))
}

/** `depth` paragraphs, each inside the one before, in the minutes' own fragment. */
function nestedElements(depth: number): Uint8Array {
  const doc = new Y.Doc()
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment('default')
    for (let i = 0; i < depth; i++) {
      const child = new Y.XmlElement('paragraph')
      parent.insert(0, [child])
      parent = child
    }
  })
  return Y.encodeStateAsUpdate(doc)
}

function hugeInsertion(bytes: number): Uint8Array {
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  const text = new Y.XmlText()
  paragraph.insert(0, [text])
  doc.getXmlFragment('default').insert(0, [paragraph])
  text.insert(0, 'minutes '.repeat(Math.floor(bytes / 8)))
  return Y.encodeStateAsUpdate(doc)
}
