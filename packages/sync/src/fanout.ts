/**
 * Fan-out between server instances that share one DocumentStore.
 *
 * A `Fanout` is a lossy, per-room broadcast channel (Redis pub/sub in apps/server, an in-memory
 * hub in tests). Every instance holding a room subscribes to it; what one instance publishes
 * reaches the others, and itself, which ignores its own messages by instance id.
 *
 * What crosses the channel is one message per room per event-loop turn:
 *
 *   varUint(1)                 format version
 *   varString(instanceId)      who sent it
 *   varUint(partCount), then per part varUint(kind) and its payload:
 *     0 update     varUint8Array(update)  merged update of commits that are already stored
 *     1 awareness  varUint8Array(update)  y-protocols awareness of the sender's own connections
 *     2 state      varUint8Array(stateVector) varUint(deleteSetHash) varUint(hello: 0 | 1)
 *     3 broadcast  varUint8Array(message) a server message for every connection (broadcast())
 *
 * Sync step 1 and step 2 never cross: they answer one client, and a step 2 passed on to other
 * instances is how content gets deleted in other servers. Because storage is shared and written
 * before anything is published, a receiver applies an update without storing it again; and
 * because messages get lost, the state parts let an instance notice it is behind and re-read
 * storage (see RoomFanout).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

export interface Fanout {
  /** Sends to every instance subscribed to the room, possibly not at all: it is lossy. */
  publish(room: string, message: Uint8Array): void
  subscribe(room: string, onMessage: (message: Uint8Array) => void): void
  unsubscribe(room: string): void
  /**
   * Registers what to run when messages may have been lost wholesale (the connection to the
   * broker came back): the room server re-reads storage and re-announces every loaded room.
   */
  onResync?(listener: () => void): void
}

export const FanoutPart = {
  Update: 0,
  Awareness: 1,
  State: 2,
  Broadcast: 3,
} as const

export type FanoutPartData =
  | { kind: typeof FanoutPart.Update; update: Uint8Array }
  | { kind: typeof FanoutPart.Awareness; update: Uint8Array }
  | {
      kind: typeof FanoutPart.State
      stateVector: Uint8Array
      deleteSetHash: number
      /** The sender just (re)subscribed: others answer with their awareness and, if ahead, state. */
      hello: boolean
    }
  | { kind: typeof FanoutPart.Broadcast; message: Uint8Array }

export interface FanoutMessage {
  instanceId: string
  parts: FanoutPartData[]
}

const FORMAT_VERSION = 1

export function encodeFanoutMessage({ instanceId, parts }: FanoutMessage): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, FORMAT_VERSION)
  encoding.writeVarString(encoder, instanceId)
  encoding.writeVarUint(encoder, parts.length)
  for (const part of parts) {
    encoding.writeVarUint(encoder, part.kind)
    if (part.kind === FanoutPart.State) {
      encoding.writeVarUint8Array(encoder, part.stateVector)
      encoding.writeVarUint(encoder, part.deleteSetHash)
      encoding.writeVarUint(encoder, part.hello ? 1 : 0)
    } else {
      encoding.writeVarUint8Array(
        encoder,
        part.kind === FanoutPart.Broadcast ? part.message : part.update,
      )
    }
  }
  return encoding.toUint8Array(encoder)
}

/** Throws on a message that is not this format; unknown part kinds end the message there. */
export function decodeFanoutMessage(message: Uint8Array): FanoutMessage {
  const decoder = decoding.createDecoder(message)
  const version = decoding.readVarUint(decoder)
  if (version !== FORMAT_VERSION) throw new Error(`unknown fan-out format ${version}`)
  const instanceId = decoding.readVarString(decoder)
  const count = decoding.readVarUint(decoder)
  const parts: FanoutPartData[] = []
  for (let i = 0; i < count; i++) {
    const kind = decoding.readVarUint(decoder)
    if (kind === FanoutPart.Update || kind === FanoutPart.Awareness) {
      parts.push({ kind, update: decoding.readVarUint8Array(decoder) })
    } else if (kind === FanoutPart.State) {
      const stateVector = decoding.readVarUint8Array(decoder)
      const deleteSetHash = decoding.readVarUint(decoder)
      parts.push({ kind, stateVector, deleteSetHash, hello: decoding.readVarUint(decoder) === 1 })
    } else if (kind === FanoutPart.Broadcast) {
      parts.push({ kind, message: decoding.readVarUint8Array(decoder) })
    } else {
      break
    }
  }
  return { instanceId, parts }
}

/** FNV-1a, 32 bits: enough to tell two delete sets apart, which state vectors cannot. */
export function hashBytes(bytes: Uint8Array): number {
  let hash = 0x811c9dc5
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193)
  return hash >>> 0
}
