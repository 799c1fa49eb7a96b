import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { readMinutes } from '@accord/minutes'
import { MessageType, readSaved, SyncMessageType } from '@accord/sync'
import { waitFor } from '@accord/sync/testing'
import { paragraphUpdate } from './world.ts'

/** The auth message's one type (y-protocols/auth). */
const PERMISSION_DENIED = 0

/** What one socket of one person on one meeting got, sending every message type once. */
export interface SocketProbe {
  /** Whether the server greeted the socket with its sync step 1. */
  greeted: boolean
  closeCode: number | undefined
  /** The minutes' lines in the server's answer to our sync step 1, if there was one. */
  served: string[] | undefined
  /** The highest `committedFrames` of a saved message: 1 is the step 2, 2 the update. */
  committedFrames: number
  /** Whether an update was answered "permission denied". */
  denied: boolean
  /** The awareness client id the socket claimed, to look for in others' presence. */
  awarenessId: number
  socket: WebSocket
}

export interface ProbeTexts {
  step2: string
  update: string
  /** A field of the presence state, to tell this probe's state from any other. */
  marker: string
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

const syncFrame = (type: number, payload: Uint8Array) =>
  frame((encoder) => {
    encoding.writeVarUint(encoder, MessageType.Sync)
    encoding.writeVarUint(encoder, type)
    encoding.writeVarUint8Array(encoder, payload)
  })

/** A presence that claims to be the chair of ALC: the server must replace it with the truth. */
function forgedPresence(marker: string) {
  const awareness = new Awareness(new Y.Doc())
  awareness.setLocalState({
    user: { name: 'The Chair', organisation: 'ALC', role: 'chair', color: '#abcdef' },
    marker,
  })
  const update = encodeAwarenessUpdate(awareness, [awareness.clientID])
  awareness.destroy()
  return {
    id: awareness.clientID,
    frame: frame((encoder) => {
      encoding.writeVarUint(encoder, MessageType.Awareness)
      encoding.writeVarUint8Array(encoder, update)
    }),
  }
}

/**
 * Opens /sync/:meetingId with the cookie (if any), and as soon as it opens sends, without
 * waiting for anything: sync step 1 (give me the document), a step 2 and an update each adding
 * a paragraph, and a forged presence. Resolves once the server has answered all of it, or
 * closed the socket. The socket stays open (so its presence stays shown) until the caller
 * terminates it.
 */
export async function probeSocket(
  serverUrl: string,
  meetingId: string,
  cookie: string | undefined,
  texts: ProbeTexts,
): Promise<SocketProbe> {
  const socket = new WebSocket(`${serverUrl.replace(/^http/, 'ws')}/sync/${meetingId}`, {
    headers: cookie ? { cookie } : {},
  })
  const presence = forgedPresence(texts.marker)
  const probe: SocketProbe = {
    greeted: false,
    closeCode: undefined,
    served: undefined,
    committedFrames: 0,
    denied: false,
    awarenessId: presence.id,
    socket,
  }
  let refusedUpgrade: number | undefined
  socket.on('open', () => {
    socket.send(syncFrame(SyncMessageType.Step1, Y.encodeStateVector(new Y.Doc())))
    socket.send(syncFrame(SyncMessageType.Step2, paragraphUpdate(texts.step2)))
    socket.send(syncFrame(SyncMessageType.Update, paragraphUpdate(texts.update)))
    socket.send(presence.frame)
  })
  socket.on('message', (data: Buffer) => readServerMessage(probe, new Uint8Array(data)))
  socket.on('close', (code) => (probe.closeCode = code))
  socket.on('unexpected-response', (_request, response) => {
    refusedUpgrade = response.statusCode
    response.resume()
    socket.terminate()
  })
  socket.on('error', () => {})
  // A socket that gets neither is a finding for the matrix to show, not a crash of the test.
  await waitFor(
    () =>
      probe.closeCode !== undefined ||
      (probe.served !== undefined && (probe.committedFrames >= 2 || probe.denied)),
  ).catch(() => undefined)
  if (refusedUpgrade !== undefined) throw new Error(`upgrade refused with HTTP ${refusedUpgrade}`)
  return probe
}

function readServerMessage(probe: SocketProbe, message: Uint8Array): void {
  const decoder = decoding.createDecoder(message)
  const type = decoding.readVarUint(decoder)
  if (type === MessageType.Sync) {
    const syncType = decoding.readVarUint(decoder)
    if (syncType === SyncMessageType.Step1) probe.greeted = true
    if (syncType === SyncMessageType.Step2) {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, decoding.readVarUint8Array(decoder))
      probe.served = readMinutes(doc).text.split('\n').filter(Boolean)
      doc.destroy()
    }
  } else if (type === MessageType.Saved) {
    probe.committedFrames = Math.max(probe.committedFrames, readSaved(decoder).committedFrames)
  } else if (type === MessageType.Auth) {
    if (decoding.readVarUint(decoder) === PERMISSION_DENIED) probe.denied = true
  }
}
