import { MINUTES_FIELD } from '@accord/minutes'
import { waitFor, type Client } from '@accord/sync/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { seedCoalition } from '../testing/accord-client.ts'
import { addParagraph } from '../testing/minutes.ts'
import { startTestServer, type TestServer } from '../testing/test-server.ts'
import { EditBudgets } from './edit-budget.ts'

let server: TestServer | undefined
const clients: Client[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.close()
  server = undefined
})

/** Pastes `paragraphs` as one transaction, as the editor sends a paste; resolves its bytes. */
function paste(client: Client, paragraphs: number, label: string): number {
  let bytes = 0
  const count = (update: Uint8Array) => (bytes += update.byteLength)
  client.doc.on('update', count)
  client.doc.transact(() => {
    for (let i = 0; i < paragraphs; i++) addParagraph(client.doc, `${label} ${i} `.padEnd(100, '.'))
  })
  client.doc.off('update', count)
  return bytes
}

/** Milliseconds until everything the client has is saved. */
async function savedAfter(client: Client): Promise<number> {
  const started = performance.now()
  await waitFor(() => client.saveStatus.saved, { timeout: 30_000, message: 'not saved' })
  return performance.now() - started
}

const BYTES_PER_MINUTE = 120_000

describe("a person's edit budget", () => {
  it('slows only the person past it, and keeps everything they sent', async () => {
    // 2,000 bytes a second, up to 120,000 at once.
    server = await startTestServer({ EDIT_BYTES_PER_MINUTE: String(BYTES_PER_MINUTE) })
    const { member, chair, meetingId } = await seedCoalition(server.url)
    const pasting = member.sync(meetingId)
    const typing = chair.sync(meetingId)
    clients.push(pasting, typing)
    await pasting.synced()
    await typing.synced()

    // Within the budget: saved at once.
    const first = paste(pasting, 300, 'first')
    expect(first).toBeLessThan(BYTES_PER_MINUTE / 2)
    expect(await savedAfter(pasting)).toBeLessThan(3000)
    // This one overdraws it: it is taken at once, and the member's socket is then not read
    // until the budget is back at zero…
    const second = paste(pasting, 700, 'second')
    const overdrawn = first + second - BYTES_PER_MINUTE
    expect(overdrawn).toBeGreaterThan(10_000)
    expect(await savedAfter(pasting)).toBeLessThan(3000)
    // …so the next edit waits that long, where it used to be saved at once.
    paste(pasting, 1, 'third')
    const slowed = savedAfter(pasting)
    // Someone else in the same meeting is not slowed.
    typing.doc.getText('text').insert(0, 'typed meanwhile')
    expect(await savedAfter(typing)).toBeLessThan(2000)
    const waitMs = (overdrawn / BYTES_PER_MINUTE) * 60_000
    expect(await slowed).toBeGreaterThan(waitMs * 0.8)

    // Nothing was refused or lost: a fresh editor finds all three pastes and the typing.
    const reader = chair.sync(meetingId)
    clients.push(reader)
    await reader.synced()
    const minutes = reader.doc.getXmlFragment(MINUTES_FIELD).toString()
    for (const label of ['first 299', 'second 699', 'third 0']) expect(minutes).toContain(label)
    expect(reader.doc.getText('text').toString()).toBe('typed meanwhile')
  }, 60_000)
})

describe('EditBudgets', () => {
  it('gives a minute of edits at once, then refills at that rate', () => {
    let now = 0
    const budgets = new EditBudgets(60_000, () => now)
    expect(budgets.charge('a', 60_000)).toBe(0)
    // 60,000 a minute is a byte a millisecond: 500 bytes over take 500 ms to earn back.
    expect(budgets.charge('a', 500)).toBe(500)
    expect(budgets.charge('b', 500)).toBe(0)
    now += 1500
    expect(budgets.charge('a', 500)).toBe(0)
    now += 10 * 60_000
    // A full bucket holds one minute's worth, however long the person was away.
    expect(budgets.charge('a', 60_001)).toBe(1)
  })
})
