import { MINUTES_FIELD, minutesSchema } from '@accord/minutes'
import { encodeSyncMessage, SyncMessageType } from '@accord/sync'
import { startHarness, waitFor } from '@accord/sync/testing'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { watchUnstorableChanges, type Unstorable } from './unstorable-changes.ts'

let harness: Awaited<ReturnType<typeof startHarness>> | undefined
const stops: (() => void)[] = []

afterEach(async () => {
  for (const stop of stops.splice(0)) stop()
  await harness?.close()
  harness = undefined
})

/** A member with the minutes open, and what the watcher told them, with the socket closes. */
async function member() {
  harness = await startHarness({
    contentSchema: { field: MINUTES_FIELD, schema: minutesSchema() },
    maxMessageBytes: 4096,
  })
  const client = harness.client('minutes')
  await client.synced()
  const heard: (Unstorable | null)[] = []
  const closes: number[] = []
  let closesWhenFirstTold: number | undefined
  client.provider.on('connection-close', (event) => closes.push(event?.code ?? 0))
  stops.push(
    watchUnstorableChanges(client.provider, client.saveStatus, (unstorable) => {
      if (unstorable && closesWhenFirstTold === undefined) closesWhenFirstTold = closes.length
      heard.push(unstorable)
    }),
  )
  return { client, heard, closes, closesWhenFirstTold: () => closesWhenFirstTold }
}

function storedMinutes(): Promise<number> {
  return harness!.rooms.read('minutes', (doc) => doc.getXmlFragment(MINUTES_FIELD).length)
}

describe('watchUnstorableChanges', () => {
  it('tells of content the server will not store once the reconnect is refused too, with the reason', async () => {
    const { client, heard, closes, closesWhenFirstTold } = await member()
    client.doc.getXmlFragment(MINUTES_FIELD).insert(0, [new Y.XmlElement('marquee')])
    await waitFor(() => heard.length > 0, { message: 'the refusal should be told' })
    expect(heard[0]).toEqual({
      kind: 'refused',
      reason: 'the minutes cannot hold a "marquee" element',
    })
    expect(closesWhenFirstTold()).toBe(2)
    expect(closes.slice(0, 2)).toEqual([1007, 1007])
    // Nothing stored, and nothing typed lost: the change stays in this browser's copy.
    expect(await storedMinutes()).toBe(0)
    expect(client.doc.getXmlFragment(MINUTES_FIELD).length).toBe(1)
  })

  it('tells of a change too large at once', async () => {
    const { client, heard, closesWhenFirstTold } = await member()
    client.text.insert(0, 'Appendix. '.repeat(800))
    await waitFor(() => heard.length > 0, { message: 'the refusal should be told' })
    expect(heard[0]).toEqual({ kind: 'too-large' })
    expect(closesWhenFirstTold()).toBe(1)
  })

  it('says nothing of a refusal the reconnect clears, and clears once everything is saved', async () => {
    const { client, heard, closes } = await member()
    // A change building on text the server has not received yet, as another tab's may: the
    // server refuses it, and it never comes again because this document does not hold it.
    const elsewhere = new Y.Doc()
    elsewhere.getText('text').insert(0, 'typed in another tab')
    const before = Y.encodeStateVector(elsewhere)
    elsewhere.getText('text').insert(0, '> ')
    const frame = encodeSyncMessage(
      SyncMessageType.Update,
      Y.encodeStateAsUpdate(elsewhere, before),
    )
    // A copy: the DOM's WebSocket type takes no view that may sit on a SharedArrayBuffer.
    client.provider.ws!.send(new Uint8Array(frame))
    await waitFor(() => closes.length === 1, { message: 'the server should close the socket' })
    client.text.insert(0, 'Typed here.')
    await client.saved()
    await waitFor(() => heard.length > 0, { message: 'the save should be told' })
    expect(closes).toEqual([1007])
    expect(heard.every((unstorable) => unstorable === null)).toBe(true)
  })
})
