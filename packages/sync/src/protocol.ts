/**
 * The y-websocket wire protocol plus one message of Accord's own.
 *
 * Every frame is binary: a varUint message type, then its payload.
 *   0 sync      y-protocols/sync: step 1 (state vector), step 2 and update (Yjs updates)
 *   1 awareness y-protocols/awareness update
 *   2 auth      y-protocols/auth (server → client only)
 *   3 query     ask the other side for its full awareness state
 *  64 saved     server → client durable acknowledgement, see PROTOCOL.md
 *  65 structure server → client: the meeting's structure (actions, asks, decisions) changed
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as authProtocol from 'y-protocols/auth'

export const MessageType = {
  Sync: 0,
  Awareness: 1,
  Auth: 2,
  QueryAwareness: 3,
  Saved: 64,
  StructureChanged: 65,
} as const

export const SyncMessageType = {
  Step1: 0,
  Step2: 1,
  Update: 2,
} as const

/** Close codes the server uses. 44xx codes tell y-websocket clients not to reconnect. */
export const CloseCode = {
  GoingAway: 1001,
  UnsupportedData: 1003,
  InvalidPayload: 1007,
  MessageTooBig: 1009,
  TryAgainLater: 1013,
  InternalError: 1011,
  /** No session, or it ended: sign in again. */
  Unauthenticated: 4401,
  /** Access was withdrawn or changed while connected. */
  Forbidden: 4403,
  MeetingNotFound: 4404,
} as const

export interface SavedMessage {
  /** How many sync frames (step 2 and update) of this connection the server has committed. */
  committedFrames: number
  /** The encoded state vector of the document as committed to storage. */
  stateVector: Uint8Array
}

export function encodeSaved(committedFrames: number, stateVector: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Saved)
  encoding.writeVarUint(encoder, committedFrames)
  encoding.writeVarUint8Array(encoder, stateVector)
  return encoding.toUint8Array(encoder)
}

/** Reads a saved message's payload; the decoder must be positioned after the message type. */
export function readSaved(decoder: decoding.Decoder): SavedMessage {
  const committedFrames = decoding.readVarUint(decoder)
  const stateVector = decoding.readVarUint8Array(decoder)
  return { committedFrames, stateVector }
}

/**
 * "Structure changed": the server stored a new projection of the document (version `version`,
 * which only grows); clients fetch it over HTTP. It carries no content, so it says nothing a
 * connection may not know.
 */
export function encodeStructureChanged(version: number): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.StructureChanged)
  encoding.writeVarUint(encoder, version)
  return encoding.toUint8Array(encoder)
}

/** Reads a structure changed payload; the decoder must be positioned after the message type. */
export function readStructureChanged(decoder: decoding.Decoder): number {
  return decoding.readVarUint(decoder)
}

/** True for the frames a client sends that carry document content and so await a "saved". */
export function isContentFrame(frame: Uint8Array): boolean {
  return (
    frame[0] === MessageType.Sync &&
    (frame[1] === SyncMessageType.Step2 || frame[1] === SyncMessageType.Update)
  )
}

export function encodeSyncMessage(type: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  encoding.writeVarUint(encoder, type)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Awareness)
  encoding.writeVarUint8Array(encoder, update)
  return encoding.toUint8Array(encoder)
}

/** y-protocols auth "permission denied": the client's edits are not accepted. */
export function encodePermissionDenied(reason: string): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Auth)
  authProtocol.writePermissionDenied(encoder, reason)
  return encoding.toUint8Array(encoder)
}
