import * as decoding from 'lib0/decoding'

/**
 * What one client frame's Yjs update may hold. Decoding and applying cost about a microsecond
 * per struct and more per nested type, so a 2 MiB frame of one-byte structs blocks the event
 * loop for seconds; these bounds keep one frame to tens of milliseconds while leaving room for
 * a large paste or a long offline session (typing merges into a few structs per run).
 */
export const UPDATE_LIMITS = {
  structs: 40_000,
  /** Embedded types (paragraphs, list items, text nodes): each is a Y type of its own. */
  types: 10_000,
  /** A step 2 carries the document's whole delete set, one client per past session. */
  deleteClients: 10_000,
  deleteRanges: 200_000,
} as const

/** What checkUpdate found. */
export interface UpdateCheck {
  /** Why the update must be refused, or null. */
  refused: string | null
  /**
   * The update was refused only because it builds on content the room has not seen: from a
   * client that has not yet sent its step 2, that content may be on its way (see Room).
   */
  missingContent: boolean
  /** The next clock of each client whose structs the update holds. */
  ends: Map<number, number>
}

/**
 * Reads a Yjs update (format V1) without building it, and says why the room must refuse it,
 * if it must. Besides the size bounds it refuses content that depends on something the room has
 * never seen: Yjs would keep such structs and deletions pending in memory, re-reading all of
 * them on every later update, so a client could make every edit of the room slower without
 * end. `known(client)` is the next clock the room expects of that client (stored or queued);
 * the update's own structs count too. Throws if the update is malformed, as Yjs would.
 */
export function checkUpdate(update: Uint8Array, known: (client: number) => number): UpdateCheck {
  const ends = new Map<number, number>()
  const refused = check(update, known, ends)
  return { refused, missingContent: refused !== null && MISSING.has(refused), ends }
}

const GAP = 'structs that start after a gap'
const UNKNOWN_REFERENCE = 'a reference to unknown content'
const UNKNOWN_DELETION = 'a deletion of unknown content'
const MISSING = new Set([GAP, UNKNOWN_REFERENCE, UNKNOWN_DELETION])

function check(
  update: Uint8Array,
  known: (client: number) => number,
  seen: Map<number, number>,
): string | null {
  const decoder = decoding.createDecoder(update)
  const next = (client: number) => Math.max(known(client), seen.get(client) ?? 0)
  const isKnown = (client: number, clock: number) => clock < next(client)
  // Origins and parents, checked once every struct of the update is seen: Yjs writes clients
  // in descending order, so an item may refer to one further on.
  const references: number[] = []
  // What the update builds on but the room lacks: noted, and the whole update still read, so
  // that one held until the client's step 2 (see Room) is known to be well formed and in bounds.
  let missing: string | null = null
  let structs = 0
  let types = 0
  const clients = decoding.readVarUint(decoder)
  for (let c = 0; c < clients; c++) {
    const count = decoding.readVarUint(decoder)
    const client = decoding.readVarUint(decoder)
    let clock = decoding.readVarUint(decoder)
    if (clock > next(client)) missing ??= GAP
    structs += count
    if (structs > UPDATE_LIMITS.structs) return `more than ${UPDATE_LIMITS.structs} structs`
    for (let i = 0; i < count; i++) {
      const info = decoding.readUint8(decoder)
      if (info === undefined) throw new RangeError('unexpected end of update')
      const kind = info & 0b11111
      // A skip is a gap: what follows it would wait in memory for the missing clocks.
      if (kind === 10) return 'a gap in the structs of a client'
      if (kind === 0) {
        clock += decoding.readVarUint(decoder)
        continue
      }
      if (info & 0b10000000) references.push(readVarUint(decoder), readVarUint(decoder))
      if (info & 0b01000000) references.push(readVarUint(decoder), readVarUint(decoder))
      if ((info & 0b11000000) === 0) {
        if (readVarUint(decoder) === 1) decoding.readVarString(decoder)
        else references.push(readVarUint(decoder), readVarUint(decoder))
        if (info & 0b00100000) decoding.readVarString(decoder)
      }
      if (kind === 7 && ++types > UPDATE_LIMITS.types) {
        return `more than ${UPDATE_LIMITS.types} embedded types`
      }
      const length = skipContent(decoder, kind, UPDATE_LIMITS.structs - structs)
      if (length === null) return `more than ${UPDATE_LIMITS.structs} structs`
      clock += length
    }
    seen.set(client, Math.max(clock, seen.get(client) ?? 0))
  }
  for (let i = 0; i < references.length; i += 2) {
    if (!isKnown(references[i]!, references[i + 1]!)) missing ??= UNKNOWN_REFERENCE
  }
  const deleteClients = decoding.readVarUint(decoder)
  if (deleteClients > UPDATE_LIMITS.deleteClients) {
    return `deletions in more than ${UPDATE_LIMITS.deleteClients} clients`
  }
  let ranges = 0
  for (let c = 0; c < deleteClients; c++) {
    const client = decoding.readVarUint(decoder)
    const count = decoding.readVarUint(decoder)
    ranges += count
    if (ranges > UPDATE_LIMITS.deleteRanges) {
      return `more than ${UPDATE_LIMITS.deleteRanges} deleted ranges`
    }
    for (let i = 0; i < count; i++) {
      const clock = decoding.readVarUint(decoder)
      const length = decoding.readVarUint(decoder)
      // Yjs never writes an empty range, and applying one throws after the update is stored.
      if (length === 0) return 'an empty deleted range'
      if (!isKnown(client, clock + length - 1)) missing ??= UNKNOWN_DELETION
    }
  }
  return missing
}

const readVarUint = decoding.readVarUint

/**
 * Skips an item's content (Yjs' readItemContent, V1); returns its length in clocks, or null
 * for a list of more than `budget` values (each is an object once decoded, like a struct).
 */
export function skipContent(
  decoder: decoding.Decoder,
  kind: number,
  budget: number,
): number | null {
  switch (kind) {
    case 1: // deleted
      return decoding.readVarUint(decoder)
    case 2: {
      // JSON: strings
      const length = decoding.readVarUint(decoder)
      if (length > budget) return null
      for (let i = 0; i < length; i++) decoding.readVarString(decoder)
      return length
    }
    case 3: // binary
      decoding.readVarUint8Array(decoder)
      return 1
    case 4: {
      // Yjs counts a string's length in UTF-16 code units.
      return decoding.readVarString(decoder).length
    }
    case 5: // embed
      decoding.readVarString(decoder)
      return 1
    case 6: // format: key and value
      decoding.readVarString(decoder)
      decoding.readVarString(decoder)
      return 1
    case 7: {
      // type: XmlElement (3) and XmlHook (5) carry a name
      const typeRef = decoding.readVarUint(decoder)
      if (typeRef === 3 || typeRef === 5) decoding.readVarString(decoder)
      return 1
    }
    case 8: {
      const length = decoding.readVarUint(decoder)
      if (length > budget) return null
      for (let i = 0; i < length; i++) decoding.readAny(decoder)
      return length
    }
    case 9: // subdocument: guid and options
      decoding.readVarString(decoder)
      decoding.readAny(decoder)
      return 1
    default:
      throw new RangeError(`unknown content type ${kind}`)
  }
}
