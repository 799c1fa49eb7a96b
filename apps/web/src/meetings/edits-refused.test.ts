import { startHarness, waitFor } from '@accord/sync/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { onEditsRefused } from './edits-refused.ts'

let harness: Awaited<ReturnType<typeof startHarness>> | undefined

afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('onEditsRefused', () => {
  it('hears the sync server refuse an edit to minutes made read-only while connected', async () => {
    harness = await startHarness()
    const client = harness.client('meeting-1')
    await client.synced()
    let refusals = 0
    const stop = onEditsRefused(client.provider, () => refusals++)

    client.text.insert(0, 'Before approval.')
    await client.saved()
    expect(refusals).toBe(0)

    harness.rooms.setReadOnly('meeting-1', true)
    client.text.insert(client.text.length, ' After approval.')
    await waitFor(() => refusals === 1, { message: 'the refusal should be heard' })
    const reader = harness.client('meeting-1')
    await reader.synced()
    expect(reader.text.toString()).toBe('Before approval.')
    stop()
  })

  it("gives the provider's own handler back when stopped", async () => {
    harness = await startHarness()
    const client = harness.client('meeting-1')
    const original = client.provider.messageHandlers[2]
    const stop = onEditsRefused(client.provider, () => undefined)
    expect(client.provider.messageHandlers[2]).not.toBe(original)
    stop()
    expect(client.provider.messageHandlers[2]).toBe(original)
  })
})
