import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import { encodeAwarenessMessage, MessageType } from './protocol.ts'
import { startHarness, waitFor } from './testing/websocket-harness.ts'

let harness: Awaited<ReturnType<typeof startHarness>> | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

/** A socket speaking the protocol by hand: it sees every frame the server sends it. */
async function rawPeer(url: string, clientId: number) {
  const socket = new WebSocket(url)
  /** The awareness ids of each awareness message received, in order. */
  const heard: number[][] = []
  socket.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== MessageType.Awareness) return
    const update = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const ids: number[] = []
    for (let count = decoding.readVarUint(update); count > 0; count--) {
      ids.push(decoding.readVarUint(update))
      decoding.readVarUint(update) // clock
      decoding.readVarString(update) // state
    }
    heard.push(ids)
  })
  await new Promise((resolve, reject) => {
    socket.once('open', resolve)
    socket.once('error', reject)
  })
  let clock = 0
  return {
    clientId,
    heard,
    heardIds: () => new Set(heard.flat()),
    moveCursor(at: number) {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, 1)
      encoding.writeVarUint(encoder, clientId)
      encoding.writeVarUint(encoder, ++clock)
      encoding.writeVarString(encoder, JSON.stringify({ cursor: { at } }))
      socket.send(encodeAwarenessMessage(encoding.toUint8Array(encoder)))
    },
    close: () => socket.close(),
  }
}

describe('awareness broadcasts', () => {
  it('sends the cursor moves of one interval to everyone as one message, never an echo alone', async () => {
    harness = await startHarness({ awarenessIntervalMs: 300 })
    const url = `${harness.url}/minutes`
    const [ann, ben, cat, viewer] = await Promise.all(
      [101, 102, 103, 104].map((id) => rawPeer(url, id)),
    )
    // A first move goes out at once; the moves right after it wait for the interval to end.
    ann!.moveCursor(1)
    await waitFor(() => viewer!.heardIds().has(101))
    const before = viewer!.heard.length
    ann!.moveCursor(2)
    ben!.moveCursor(5)
    cat!.moveCursor(9)

    await waitFor(() => viewer!.heard.length > before, { timeout: 2000 })
    expect(viewer!.heard.slice(before)).toEqual([[101, 102, 103]])
    // Each mover hears the others' moves with its own, in that same single message.
    await waitFor(() => ben!.heard.some((ids) => ids.includes(103)))
    expect(ben!.heard.at(-1)).toEqual([101, 102, 103])
    // Ann's first move was hers alone: it went to the others and not back to her.
    expect(ann!.heard.filter((ids) => ids.length === 1 && ids[0] === 101)).toEqual([])
    expect(ben!.heard[0]).toEqual([101])
    for (const peer of [ann, ben, cat, viewer]) peer!.close()
  })

  it('passes on a departure with the moves around it', async () => {
    harness = await startHarness({ awarenessIntervalMs: 0 })
    const url = `${harness.url}/minutes`
    const [ann, viewer] = await Promise.all([rawPeer(url, 201), rawPeer(url, 202)])
    ann!.moveCursor(1)
    await waitFor(() => viewer!.heardIds().has(201))
    const before = viewer!.heard.length
    ann!.close()
    // The server removes the id of a connection that left, and says so.
    await waitFor(() => viewer!.heard.length > before)
    expect(viewer!.heard.at(-1)).toEqual([201])
    viewer!.close()
  })
})

describe('joining', () => {
  it('gives each newcomer the document as it is now, not as an earlier newcomer got it', async () => {
    harness = await startHarness()
    const writer = harness.client('minutes')
    await writer.synced()
    writer.text.insert(0, 'Item one.')
    await writer.saved()

    const first = harness.client('minutes', new Y.Doc())
    const second = harness.client('minutes', new Y.Doc())
    await Promise.all([first.synced(), second.synced()])
    expect(first.text.toString()).toBe('Item one.')
    expect(second.text.toString()).toBe('Item one.')

    writer.text.insert(writer.text.length, ' Item two.')
    await writer.saved()
    const late = harness.client('minutes', new Y.Doc())
    await late.synced()
    expect(late.text.toString()).toBe('Item one. Item two.')
  })
})
