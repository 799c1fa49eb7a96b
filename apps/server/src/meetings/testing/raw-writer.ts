import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MINUTES_FIELD } from '@accord/minutes'
import { MessageType, SyncMessageType } from '@accord/sync'
import { waitFor } from '@accord/sync/testing'
import { WebSocket } from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { AccordClient } from '../../testing/accord-client.ts'

/** y-protocols/auth: the one auth message there is. */
const PERMISSION_DENIED = 0

/**
 * A bare `ws` socket to a meeting's minutes, carrying a person's session, that sends
 * y-websocket frames by hand: what any client, not only Accord's editor, could send.
 */
export async function rawWriter(baseUrl: string, person: AccordClient, meetingId: string) {
  const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/sync/${meetingId}`, {
    headers: person.cookie ? { cookie: person.cookie } : {},
  })
  socket.binaryType = 'nodebuffer'
  const received: Uint8Array[] = []
  socket.on('message', (data: Buffer) => received.push(new Uint8Array(data)))
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  const step2s = () =>
    received.filter((m) => m[0] === MessageType.Sync && m[1] === SyncMessageType.Step2)

  return {
    socket,
    /** Sends an update frame adding a paragraph at the start of the minutes. */
    write(text: string) {
      socket.send(syncFrame((encoder) => syncProtocol.writeUpdate(encoder, paragraphUpdate(text))))
    },
    /** Sends an update frame carrying any Yjs update, however no editor would write it. */
    send(update: Uint8Array) {
      socket.send(syncFrame((encoder) => syncProtocol.writeUpdate(encoder, update)))
    },
    /** The code and reason the socket closes with. */
    closed,
    /**
     * Sends a step 1 and waits for the step 2 answering it: the server handles a socket's frames
     * in order, so it has dealt with every frame sent before, and its answers have arrived.
     */
    async roundTrip(): Promise<void> {
      const before = step2s().length
      socket.send(syncFrame((encoder) => syncProtocol.writeSyncStep1(encoder, new Y.Doc())))
      await waitFor(() => step2s().length > before, { message: 'no step 2 answered step 1' })
    },
    /** The reasons of the permission-denied messages received so far. */
    refusals(): string[] {
      return received
        .filter((m) => m[0] === MessageType.Auth)
        .flatMap((message) => {
          const decoder = decoding.createDecoder(message)
          decoding.readVarUint(decoder)
          const authType = decoding.readVarUint(decoder)
          return authType === PERMISSION_DENIED ? [decoding.readVarString(decoder)] : []
        })
    },
    close: () => socket.terminate(),
  }
}

export type RawWriter = Awaited<ReturnType<typeof rawWriter>>

/** An edit of a document of its own: one paragraph, which merges into any minutes. */
function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(MINUTES_FIELD).insert(0, [paragraph])
  return Y.encodeStateAsUpdate(doc)
}

function syncFrame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.Sync)
  write(encoder)
  return encoding.toUint8Array(encoder)
}
