import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test'
import type { Role } from '@accord/coalition'
import { AccordClient } from '@accord/server/testing'
import { startServerProcess, type ServerProcess } from './server-process.ts'

export interface Accord {
  server: ServerProcess
  /** Stops the server cleanly and starts it again on the same port and data. */
  restart(): Promise<void>
  /** The chair of the test's coalition, signed in over the API. */
  chair: AccordClient
  coalitionId: string
  /** The coalition's first organisation, the chair's. */
  organisationId: string
  createMeeting(title?: string): Promise<string>
  /** Someone who joined the coalition by invite, signed in in their own browser context. */
  member(name: string, role?: Role): Promise<Page>
  /** Someone who joined the coalition by invite, signed in over the API, with their email. */
  join(name: string, role?: Role): Promise<{ client: AccordClient; id: string; email: string }>
  /** A page in a new browser context (its own storage) carrying this client's session. */
  pageFor(client: AccordClient | undefined): Promise<Page>
}

export const test = base.extend<{ accord: Accord; serverEnv: Record<string, string> }>({
  /** Extra environment for the server, e.g. `test.use({ serverEnv: { MAX_MESSAGE_BYTES: '4096' } })`. */
  serverEnv: [{}, { option: true }],
  accord: async ({ browser, serverEnv }, use) => {
    let server = await startServerProcess({ env: serverEnv })
    const contexts: BrowserContext[] = []
    const chair = new AccordClient(server.url)
    await chair.signUp('Owen')
    const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
      name: 'Northshire Care Coalition',
      organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
    })
    const coalitionId: string = membership.coalition.id
    const organisationId: string = membership.organisation.id
    const pageFor = (client: AccordClient | undefined) =>
      openPage(browser, server.url, client?.cookie, contexts)

    const accord: Accord = {
      get server() {
        return server
      },
      async restart() {
        await server.stop()
        server = await startServerProcess({
          dataDir: server.dataDir,
          port: server.port,
          env: serverEnv,
        })
      },
      chair,
      coalitionId,
      organisationId,
      async createMeeting(title = 'Fortnightly call') {
        const { meeting } = await chair.expect(
          201,
          'POST',
          `/api/coalitions/${coalitionId}/meetings`,
          { title, date: '2025-03-04' },
        )
        return meeting.id as string
      },
      async member(name, role = 'member') {
        return pageFor((await accord.join(name, role)).client)
      },
      async join(name, role = 'member') {
        const { path } = await chair.expect(201, 'POST', `/api/coalitions/${coalitionId}/invites`, {
          organisationId,
          role,
        })
        const client = new AccordClient(server.url)
        const { id, email } = await client.signUp(name)
        await client.expect(200, 'POST', `/api/invites/${path.split('/').pop()}/accept`)
        return { client, id, email }
      },
      pageFor,
    }
    await use(accord)
    // Close pages before the server goes, so no client is left retrying into the next test.
    await Promise.all(contexts.map((context) => context.close()))
    await server.kill()
  },
})

async function openPage(
  browser: Browser,
  baseURL: string,
  cookie: string | undefined,
  contexts: BrowserContext[],
): Promise<Page> {
  const context = await browser.newContext({ baseURL })
  contexts.push(context)
  if (cookie) {
    const [name, value] = cookie.split('=') as [string, string]
    await context.addCookies([{ name, value, url: baseURL }])
  }
  return context.newPage()
}

export { expect }
