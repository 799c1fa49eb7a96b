import {
  test as base,
  expect,
  type Browser,
  type BrowserContext,
  type Page,
} from '@playwright/test'
import { startServerProcess, type ServerProcess } from './server-process.ts'

export interface Accord {
  server: ServerProcess
  /** Stops the server cleanly and starts it again on the same port and data. */
  restart(): Promise<void>
  createMeeting(title?: string): Promise<string>
  /** A page in its own browser context (its own storage), signed in as `name`. */
  member(name: string): Promise<Page>
}

export const test = base.extend<{ accord: Accord; serverEnv: Record<string, string> }>({
  /** Extra environment for the server, e.g. `test.use({ serverEnv: { MAX_MESSAGE_BYTES: '4096' } })`. */
  serverEnv: [{}, { option: true }],
  accord: async ({ browser, serverEnv }, use) => {
    let server = await startServerProcess({ env: serverEnv })
    const contexts: BrowserContext[] = []
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
      async createMeeting(title = 'Fortnightly call') {
        const response = await fetch(`${server.url}/api/meetings`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ title, date: '2025-03-04' }),
        })
        expect(response.status).toBe(201)
        return ((await response.json()) as { meeting: { id: string } }).meeting.id
      },
      member: (name) => openMember(browser, server.url, name, contexts),
    }
    await use(accord)
    // Close pages before the server goes, so no client is left retrying into the next test.
    await Promise.all(contexts.map((context) => context.close()))
    await server.kill()
  },
})

async function openMember(
  browser: Browser,
  baseURL: string,
  name: string,
  contexts: BrowserContext[],
): Promise<Page> {
  const context = await browser.newContext({ baseURL })
  contexts.push(context)
  await context.addInitScript((displayName) => {
    localStorage.setItem('accord:name', displayName)
  }, name)
  return context.newPage()
}

export { expect }
