import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** Fields the server writes into a connection's awareness `user`, whatever the client sent. */
export type Presence = Record<string, string>

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/

/**
 * Bounds on what one awareness frame may carry. y-websocket clients pass on every state they
 * hear, so a frame holds up to one entry per person in the room; a state is a name, a colour
 * and a cursor, a few hundred bytes. A frame past these is refused before any JSON is read:
 * a hundred thousand entries, or JSON nested a million deep, take the event loop for seconds.
 */
export const AWARENESS_LIMITS = { entries: 1000, stateBytes: 64 * 1024, depth: 32 } as const
const utf8 = new TextDecoder()
/** `null` as JSON in UTF-8: the state of a client that left. */
const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c]

/**
 * Rewrites an awareness update (y-protocols format: count, then per client its id, clock and
 * state as JSON) so every state's `user` carries the server's `presence` and, of the client's
 * own choices, only a valid colour. Entries for awareness ids that `mayControl` refuses are
 * dropped, so nobody can overwrite or remove someone else's presence. With `knownClock` (the
 * clock the room holds for an id), entries y-protocols would ignore as stale are dropped
 * before their JSON is read: every client passes on every state it receives, so in a busy room
 * nearly everything that arrives is an echo. Throws on a malformed update, as
 * applyAwarenessUpdate would.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  presence: Presence | undefined,
  mayControl: (clientId: number) => boolean,
  knownClock: (clientId: number) => number | undefined = () => undefined,
): Uint8Array {
  const decoder = decoding.createDecoder(update)
  const encoder = encoding.createEncoder()
  const count = decoding.readVarUint(decoder)
  if (count > AWARENESS_LIMITS.entries) {
    throw new RangeError(`more than ${AWARENESS_LIMITS.entries} awareness entries`)
  }
  const entries: { clientId: number; clock: number; state: string }[] = []
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder)
    const clock = decoding.readVarUint(decoder)
    // A varString is its UTF-8 bytes with their length: read as bytes, decoded only if needed.
    const json = decoding.readVarUint8Array(decoder)
    const known = knownClock(clientId)
    // y-protocols takes a newer clock, or the same clock saying the client left.
    if (known !== undefined && (clock < known || (clock === known && !isNullJson(json)))) continue
    checkStateSize(json)
    const state: unknown = JSON.parse(utf8.decode(json))
    if (!mayControl(clientId)) continue
    entries.push({
      clientId,
      clock,
      state: JSON.stringify(presence ? stamp(state, presence) : state),
    })
  }
  encoding.writeVarUint(encoder, entries.length)
  for (const { clientId, clock, state } of entries) {
    encoding.writeVarUint(encoder, clientId)
    encoding.writeVarUint(encoder, clock)
    encoding.writeVarString(encoder, state)
  }
  return encoding.toUint8Array(encoder)
}

function stamp(state: unknown, presence: Presence): unknown {
  // null is how a client says it left; anything else that is not an object carries no presence.
  if (state === null) return null
  const fields = isRecord(state) ? state : {}
  const sent = isRecord(fields['user']) ? fields['user'] : {}
  const color =
    typeof sent['color'] === 'string' && HEX_COLOUR.test(sent['color']) ? sent['color'] : undefined
  return { ...fields, user: { ...(color ? { color } : {}), ...presence } }
}

/** Throws for a state too large or nested too deep; brackets inside strings count too. */
function checkStateSize(json: Uint8Array): void {
  if (json.length > AWARENESS_LIMITS.stateBytes) {
    throw new RangeError(`an awareness state over ${AWARENESS_LIMITS.stateBytes} bytes`)
  }
  let depth = 0
  for (const byte of json) {
    if (byte === 0x5b || byte === 0x7b) {
      if (++depth > AWARENESS_LIMITS.depth) throw new RangeError('awareness state nested too deep')
    } else if (byte === 0x5d || byte === 0x7d) depth--
  }
}

function isNullJson(json: Uint8Array): boolean {
  return json.length === 4 && NULL_JSON.every((byte, i) => json[i] === byte)
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
