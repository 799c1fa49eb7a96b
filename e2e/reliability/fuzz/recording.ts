import zlib from 'node:zlib'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'

/** One websocket frame of a recorded session: sent by the client, or received from the server. */
export interface RecordedFrame {
  sent: boolean
  bytes: Uint8Array
}

/** Gzipped: per frame, one byte (1 sent, 0 received) and the frame as a varUint8Array. */
export function encodeRecording(frames: readonly RecordedFrame[]): Buffer {
  const encoder = encoding.createEncoder()
  for (const { sent, bytes } of frames) {
    encoding.writeUint8(encoder, sent ? 1 : 0)
    encoding.writeVarUint8Array(encoder, bytes)
  }
  return zlib.gzipSync(encoding.toUint8Array(encoder))
}

export function decodeRecording(file: Buffer): RecordedFrame[] {
  const decoder = decoding.createDecoder(zlib.gunzipSync(file))
  const frames: RecordedFrame[] = []
  while (decoding.hasContent(decoder)) {
    const sent = decoding.readUint8(decoder) === 1
    frames.push({ sent, bytes: decoding.readVarUint8Array(decoder) })
  }
  return frames
}
