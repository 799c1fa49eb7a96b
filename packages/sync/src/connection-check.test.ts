import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { ConnectionContentCheck } from './connection.ts'
import { CloseCode } from './protocol.ts'
import { applyStoredUpdates } from './stored-updates.ts'
import { startHarness, waitFor } from './testing/websocket-harness.ts'

type Harness = Awaited<ReturnType<typeof startHarness>>
let harness: Harness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

/** Refuses any value "sent" written into a map: a rule for one connection, not the room. */
const noSent: ConnectionContentCheck = ({ structs }) =>
  structs.some(
    (struct) =>
      struct instanceof Y.Item &&
      struct.content instanceof Y.ContentAny &&
      struct.content.getContent().includes('sent'),
  )
    ? 'not yours to send'
    : undefined

async function stored(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  applyStoredUpdates(doc, await harness!.store.load(name))
  return doc
}

describe("a connection's own content check", () => {
  it('refuses only its own connection’s update, with 1007 and its reason, and stores none of it', async () => {
    harness = await startHarness({
      connectionOptions: (query) => (query.has('guarded') ? { checkContent: noSent } : {}),
    })
    const guarded = harness.client('minutes', new Y.Doc(), { guarded: '' })
    const free = harness.client('minutes')
    const closes: { code: number; reason: string }[] = []
    guarded.provider.on('connection-close', (event) => {
      if (event) closes.push({ code: event.code, reason: event.reason })
    })
    await guarded.synced()
    await free.synced()

    guarded.doc.transact(() => {
      guarded.doc.getMap('ask').set('status', 'sent')
      guarded.doc.getText('text').insert(0, 'and this with it')
    })
    await waitFor(() => closes.length > 0, { message: 'the guarded connection was not closed' })
    guarded.provider.disconnect()
    expect(closes[0]).toEqual({ code: CloseCode.InvalidPayload, reason: 'not yours to send' })

    free.doc.getMap('ask').set('status', 'sent')
    await free.saved()
    const doc = await stored('minutes')
    expect(doc.getMap('ask').get('status')).toBe('sent')
    expect(doc.getText('text').toString()).toBe('')
  })
})
