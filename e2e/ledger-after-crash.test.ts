/**
 * Issue 17, point 3: a status change acknowledged as saved, then SIGKILL 50 ms later, before the
 * debounced projection ran. The minutes said done; the ledger said open until someone opened the
 * meeting, the calendar feed kept the event and Start next meeting carried the action as open.
 * Nobody opens that meeting here, so only the server's own recovery can bring them back in line.
 */
import { minutesToUpdate } from '@accord/minutes/import'
import type { Ledger } from '@accord/minutes/ledger'
import { AccordClient } from '@accord/server/testing'
import { type Client } from '@accord/sync/testing'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { editActionNodes } from '../apps/server/src/ledger/document-edits.ts'
import { until } from '../apps/server/src/testing/until.ts'
import { startServerProcess, type ServerProcess } from './support/server-process.ts'
import { storedActions } from './support/stored-minutes.ts'

let server: ServerProcess | undefined
const clients: Client[] = []

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server?.kill()
})

const KEY = 'circulate-the-paper'

describe('a server killed 50 ms after an acknowledged status change', () => {
  it('has the ledger, the calendar feed and Start next meeting agree with the minutes after it restarts', async () => {
    server = await startServerProcess()
    const chair = new AccordClient(server.url)
    await chair.signUp('Owen')
    const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
      name: 'Northshire Care Coalition',
      organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
    })
    const coalitionId: string = membership.coalition.id
    const alc: string = membership.organisation.id
    const createMeeting = async (title: string, date: string) =>
      (
        await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/meetings`, {
          title,
          date,
        })
      ).meeting.id as string
    const earlier = await createMeeting('January call', '2026-01-10')
    const later = await createMeeting('February call', '2026-02-07')
    const ledger = () => chair.expect<Ledger>(200, 'GET', `/api/coalitions/${coalitionId}/ledger`)
    const statusInLedger = async () =>
      (await ledger()).actions.find((action) => action.key === KEY)?.status

    const editor = chair.sync(earlier)
    clients.push(editor)
    await editor.synced()
    const action = {
      type: 'actionItem',
      attrs: { id: KEY, owners: [alc], due: '2030-01-15', status: 'open' },
      content: [{ type: 'text', text: 'Circulate the paper to every member' }],
    }
    Y.applyUpdate(editor.doc, minutesToUpdate({ type: 'doc', content: [action] }))
    await editor.saved()
    await until(
      'the ledger holds the action, open',
      async () => (await statusInLedger()) === 'open',
    )
    const { url: feedUrl } = await chair.expect<{ url: string }>(
      201,
      'POST',
      `/api/coalitions/${coalitionId}/organisations/${alc}/calendar-feeds`,
    )
    const feedPath = new URL(feedUrl).pathname
    expect(await chair.expect<string>(200, 'GET', feedPath)).toContain(`${KEY}@accord`)

    editActionNodes(editor.doc, KEY, { status: 'done' })
    await editor.saved()
    await new Promise((resolve) => setTimeout(resolve, 50))
    await server.kill()
    editor.provider.disconnect()

    server = await startServerProcess({ dataDir: server.dataDir, port: server.port })
    expect(storedActions(server.dataDir, earlier).get(KEY)).toBe('done')

    const { meeting: next } = await chair.expect(201, 'POST', `/api/meetings/${later}/next`, {
      title: 'March call',
      date: '2026-03-07',
    })
    // Each of the three on its own, so a failure names every one that disagrees.
    expect.soft(storedActions(server.dataDir, next.id).has(KEY), 'carried as open').toBe(false)
    await until(
      'the ledger says done',
      async () => (await statusInLedger()) === 'done',
      10_000,
    ).catch(() => undefined)
    expect.soft(await statusInLedger(), 'the ledger').toBe('done')
    expect
      .soft(await chair.expect<string>(200, 'GET', feedPath), 'the feed')
      .not.toContain(`${KEY}@accord`)
  }, 60_000)
})
