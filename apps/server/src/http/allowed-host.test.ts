/**
 * DNS rebinding over the real server: a page on evil.example whose name is re-pointed at the
 * server's address makes the browser send `Host: evil.example` with an Origin of that same name,
 * so the Origin check alone counts it as same-origin. The Host header is what gives it away.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { PASSWORD, seedCoalition } from '../testing/accord-client.ts'
import { rawRequest, upgradeHeaders } from '../testing/raw-request.ts'
import { hostAllowed } from './allowed-host.ts'

let server: RunningServer | undefined
const folders: string[] = []

afterEach(async () => {
  await server?.close()
  server = undefined
  for (const folder of folders.splice(0)) fs.rmSync(folder, { recursive: true, force: true })
})

function folder(prefix: string) {
  const made = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  folders.push(made)
  return made
}

async function start(env: Record<string, string> = {}) {
  const webDist = folder('accord-host-web-')
  fs.writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Accord</title>')
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: folder('accord-host-'), WEB_DIST: webDist, ...env }),
    pino({ level: 'silent' }),
  )
  return server
}

/** Every kind of thing the server answers, as a page on `host` would ask for it. */
async function everyKindOfRequest(url: string, host: string) {
  const seed = await seedCoalition(url)
  const { url: feedUrl } = await seed.chair.expect(
    201,
    'POST',
    `/api/coalitions/${seed.coalitionId}/organisations/${seed.organisations.alc}/calendar-feeds`,
  )
  const origin = `http://${host}`
  const asked = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) =>
    rawRequest(`${url}${path}`, {
      ...init,
      headers: { host, origin, ...init.headers },
    })
  const email = (await seed.chair.expect(200, 'GET', '/api/me')).person.email as string
  return {
    'the page': await asked('/'),
    'a client route': await asked(`/meetings/${seed.meetingId}`),
    'health JSON': await asked('/api/health'),
    'signed-in JSON': await asked('/api/me', { headers: { cookie: seed.chair.cookie! } }),
    'a sign-in': await rawRequest(`${url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { host, origin, 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    }),
    'a calendar feed': await asked(new URL(feedUrl as string).pathname),
    metrics: await asked('/metrics'),
    'a websocket': await asked(`/sync/${seed.meetingId}`, {
      headers: { ...upgradeHeaders(), cookie: seed.chair.cookie! },
    }),
  }
}

describe('the Host a request is addressed to', () => {
  it('without PUBLIC_ORIGIN, a name other than localhost is refused everywhere with 421', async () => {
    const { url, port } = await start()
    const answers = await everyKindOfRequest(url, `evil.example:${port}`)
    for (const [what, answer] of Object.entries(answers)) {
      expect(answer.status, what).toBe(421)
      expect(answer.headers.get('x-content-type-options'), what).toBe('nosniff')
      if (what === 'a websocket') continue
      expect(JSON.parse(answer.body), what).toEqual({
        error: { code: 'unknown_host', message: expect.stringContaining('PUBLIC_ORIGIN') },
      })
    }
    expect(JSON.parse(answers['health JSON'].body).error.message).toContain('evil.example')
  })

  it('without PUBLIC_ORIGIN, the bound address, localhost and IP addresses are answered', async () => {
    const { url, port } = await start()
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `accord.localhost:${port}`]) {
      const answers = await everyKindOfRequest(url, host)
      for (const [what, answer] of Object.entries(answers)) {
        expect(answer.status, `${what} at ${host}`).toBe(what === 'a websocket' ? 101 : 200)
      }
    }
    // An IP literal cannot be rebound: a browser sends one only when the page itself is there.
    const byAddress = await rawRequest(`${url}/api/health`, {
      headers: { host: `10.1.2.3:${port}` },
    })
    expect(byAddress.status).toBe(200)
  })

  it('with PUBLIC_ORIGIN, its hosts are answered and other names refused', async () => {
    const { url, port } = await start({
      PUBLIC_ORIGIN: 'https://minutes.example.org,https://minutes.example.net:8443',
    })
    const health = (host: string) =>
      rawRequest(`${url}/api/health`, { headers: { host } }).then((answer) => answer.status)
    expect(await health('minutes.example.org')).toBe(200)
    expect(await health('MINUTES.example.org')).toBe(200)
    expect(await health('minutes.example.net:8443')).toBe(200)
    // A load balancer's health check, by address.
    expect(await health(`127.0.0.1:${port}`)).toBe(200)
    expect(await health('evil.example')).toBe(421)
    expect(await health('minutes.example.org.evil.example')).toBe(421)
    expect(await health(`localhost.evil.example:${port}`)).toBe(421)
  })

  // A missing Host, or one no URL could hold ("a@b", "localhost:x"), Node answers with 400
  // before Accord sees it; these reach Accord.
  it('is refused when it is not a plain name', async () => {
    const { url } = await start()
    for (const host of ['localhost,evil.example', 'localhost_x', 'localhost.']) {
      const answer = await rawRequest(`${url}/api/health`, { headers: { host } })
      expect(answer.status, JSON.stringify(host)).toBe(421)
    }
  })
})

describe('hostAllowed', () => {
  it('takes the name HOST binds to', () => {
    const rules = { boundHost: 'accord.lan', publicOrigins: undefined }
    expect(hostAllowed('accord.lan:3000', rules)).toBe(true)
    expect(hostAllowed('evil.lan:3000', rules)).toBe(false)
    expect(hostAllowed('[::1]:3000', rules)).toBe(true)
  })
})
