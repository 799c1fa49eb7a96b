/**
 * The security headers on every kind of answer the real server gives: the client's page and
 * assets, API JSON, errors, exports and refused websocket upgrades.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { WebSocket } from 'ws'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition } from '../testing/accord-client.ts'

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

/** A built client's shape, so the test needs no `npm run build`. */
function webDist() {
  const dist = folder('accord-headers-web-')
  fs.mkdirSync(path.join(dist, 'assets'))
  fs.writeFileSync(
    path.join(dist, 'index.html'),
    '<!doctype html><title>Accord</title><script type="module" src="/assets/app.js"></script>',
  )
  fs.writeFileSync(path.join(dist, 'assets', 'app.js'), 'console.log("accord")\n')
  return dist
}

async function start(env: Record<string, string> = {}) {
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: folder('accord-headers-'), WEB_DIST: webDist(), ...env }),
    pino({ level: 'silent' }),
  )
  return server.url
}

/** The app's policy, directive by directive. */
function directives(csp: string | null): Map<string, string[]> {
  expect(csp, 'a Content-Security-Policy header').toBeTruthy()
  return new Map(
    csp!
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name!, values]),
  )
}

function expectAppPolicy(headers: Headers) {
  const csp = directives(headers.get('content-security-policy'))
  expect(csp.get('script-src')).toEqual(["'self'"])
  expect(csp.get('object-src')).toEqual(["'none'"])
  expect(csp.get('base-uri')).toEqual(["'none'"])
  expect(csp.get('frame-ancestors')).toEqual(["'none'"])
  expect(csp.get('form-action')).toEqual(["'self'"])
  expect(csp.get('connect-src')).toEqual(["'self'"])
  expect(csp.get('default-src')).toEqual(["'self'"])
  // Inline styles are the editor's need (see security-headers.ts); scripts never are.
  for (const [name, values] of csp) {
    if (name.startsWith('script') || name === 'default-src') {
      expect(values, name).not.toContain("'unsafe-inline'")
      expect(values, name).not.toContain("'unsafe-eval'")
    }
  }
}

function expectCommonHeaders(headers: Headers, what: string) {
  expect(headers.get('x-content-type-options'), what).toBe('nosniff')
  expect(headers.get('referrer-policy'), what).toBe('strict-origin-when-cross-origin')
  expect(headers.get('x-frame-options'), what).toBe('DENY')
}

describe('security headers', () => {
  it('are on the page, an asset, API JSON, errors and the client routes', async () => {
    const url = await start()
    const { chair } = await seedCoalition(url)
    const answers: [string, Response][] = [
      ['index.html', await fetch(`${url}/`)],
      ['a client route', await fetch(`${url}/meetings/abc`)],
      ['a static asset', await fetch(`${url}/assets/app.js`)],
      ['health JSON', await fetch(`${url}/api/health`)],
      ['a 401', await fetch(`${url}/api/me`)],
      ['a 404', await fetch(`${url}/api/no-such-route`)],
      [
        'a 403 from the Origin check',
        await fetch(`${url}/api/auth/sign-in`, {
          method: 'POST',
          headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
          body: '{}',
        }),
      ],
    ]
    const me = await chair.request('GET', '/api/me')
    expect(me.status).toBe(200)
    expectCommonHeaders(me.headers, 'signed-in JSON')
    expectAppPolicy(me.headers)
    expect(answers.map(([what, answer]) => [what, answer.status])).toEqual([
      ['index.html', 200],
      ['a client route', 200],
      ['a static asset', 200],
      ['health JSON', 200],
      ['a 401', 401],
      ['a 404', 404],
      ['a 403 from the Origin check', 403],
    ])
    for (const [what, answer] of answers) {
      expectCommonHeaders(answer.headers, what)
      expectAppPolicy(answer.headers)
      // Over http there is no HSTS: a browser would ignore it, and it would be wrong.
      expect(answer.headers.get('strict-transport-security'), what).toBeNull()
    }
  })

  it('keep the HTML export’s own stricter policy, and are on every export', async () => {
    const url = await start()
    const { chair, meetingId, coalitionId, organisations } = await seedCoalition(url)
    const html = await chair.request('GET', `/api/meetings/${meetingId}/export.html`)
    expect(html.status).toBe(200)
    expectCommonHeaders(html.headers, 'HTML export')
    const csp = directives(html.headers.get('content-security-policy'))
    expect(csp.get('default-src')).toEqual(["'none'"])
    expect(csp.has('script-src')).toBe(false)
    const files = [
      `/api/meetings/${meetingId}/export.md`,
      `/api/meetings/${meetingId}/export.docx`,
      `/api/coalitions/${coalitionId}/organisations/${organisations.alc}/commitments.csv`,
    ]
    for (const file of files) {
      const answer = await chair.request('GET', file)
      expect(answer.status, file).toBe(200)
      expectCommonHeaders(answer.headers, file)
    }
  })

  it('are on a refused websocket upgrade, and a same-origin websocket still opens', async () => {
    const url = await start()
    const { chair, meetingId } = await seedCoalition(url)
    const wsUrl = `${url.replace(/^http/, 'ws')}/sync/${meetingId}`
    const refused = await new Promise<{ status: number; headers: Headers }>((resolve, reject) => {
      const socket = new WebSocket(wsUrl, {
        headers: { origin: 'https://evil.example', cookie: chair.cookie! },
      })
      socket.on('open', () => reject(new Error('a foreign Origin was upgraded')))
      socket.on('error', () => {})
      socket.on('unexpected-response', (_request, response) => {
        const headers = new Headers()
        for (const [name, value] of Object.entries(response.headers)) {
          if (typeof value === 'string') headers.set(name, value)
        }
        resolve({ status: response.statusCode ?? 0, headers })
        response.resume()
        socket.terminate()
      })
    })
    expect(refused.status).toBe(403)
    expectCommonHeaders(refused.headers, 'refused upgrade')
    expectAppPolicy(refused.headers)

    const accepted = new WebSocket(wsUrl, { headers: { origin: url, cookie: chair.cookie! } })
    try {
      await new Promise<void>((resolve, reject) => {
        accepted.on('open', resolve)
        accepted.on('unexpected-response', (_request, response) =>
          reject(new Error(`same-origin upgrade answered ${response.statusCode}`)),
        )
        accepted.on('error', reject)
      })
    } finally {
      accepted.terminate()
    }
  })

  it('add HSTS when PUBLIC_ORIGIN is https', async () => {
    const url = await start({ PUBLIC_ORIGIN: 'https://accord.example.org' })
    const answer = await fetch(`${url}/api/health`)
    expectCommonHeaders(answer.headers, 'health')
    expect(answer.headers.get('strict-transport-security')).toMatch(/^max-age=\d{8,}/)
  })
})
