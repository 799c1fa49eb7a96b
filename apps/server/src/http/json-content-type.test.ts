/**
 * Writes to the API must say they are JSON, over the real server. A page on another site can
 * post a form (urlencoded, multipart or text/plain) without asking first; it cannot send
 * `Content-Type: application/json` without a CORS preflight, which nothing here answers.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition } from '../testing/accord-client.ts'
import { rawRequest } from '../testing/raw-request.ts'

let server: RunningServer | undefined
let dataDir: string | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

async function start() {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-json-only-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
  return server.url
}

const newCoalition = JSON.stringify({
  name: 'Forged Coalition',
  organisation: { name: 'Forged Trust', shortName: 'FT' },
})

describe('a write to the API', () => {
  it('with a JSON body in another type is refused with 415, and nothing is stored', async () => {
    const url = await start()
    const { chair } = await seedCoalition(url)
    const before = await chair.expect(200, 'GET', '/api/me')
    const send = (headers: Record<string, string>) =>
      rawRequest(`${url}/api/coalitions`, {
        method: 'POST',
        headers: { cookie: chair.cookie!, ...headers },
        body: newCoalition,
      })
    const answers = {
      'text/plain': await send({ 'content-type': 'text/plain;charset=UTF-8' }),
      'a form': await send({ 'content-type': 'application/x-www-form-urlencoded' }),
      multipart: await send({ 'content-type': 'multipart/form-data; boundary=x' }),
      'no type at all': await send({}),
      'a JSON look-alike': await send({ 'content-type': 'application/jsonp' }),
    }
    for (const [what, answer] of Object.entries(answers)) {
      expect(answer.status, what).toBe(415)
      expect(answer.headers.get('x-content-type-options'), what).toBe('nosniff')
      expect(JSON.parse(answer.body), what).toEqual({
        error: {
          code: 'unsupported_media_type',
          message: expect.stringContaining('Content-Type: application/json'),
        },
      })
    }
    expect(await chair.expect(200, 'GET', '/api/me')).toEqual(before)
  })

  it('without a body but sent as a form is refused, so a cross-site form cannot act', async () => {
    const url = await start()
    const { chair, meetingId } = await seedCoalition(url)
    const formPost = (path: string) =>
      rawRequest(`${url}${path}`, {
        method: 'POST',
        headers: { cookie: chair.cookie!, 'content-type': 'application/x-www-form-urlencoded' },
        body: '',
      })
    expect((await formPost('/api/auth/sign-out')).status).toBe(415)
    expect((await formPost(`/api/meetings/${meetingId}/approve`)).status).toBe(415)
    const meeting = await chair.expect(200, 'GET', `/api/meetings/${meetingId}`)
    expect(meeting.meeting.status).not.toBe('approved')
    // Still signed in.
    expect((await chair.request('GET', '/api/me')).status).toBe(200)
  })

  it('as JSON, with or without a charset, or without a body at all, goes through', async () => {
    const url = await start()
    const { chair } = await seedCoalition(url)
    for (const type of [
      'application/json',
      'application/json; charset=utf-8',
      'Application/JSON',
    ]) {
      const answer = await rawRequest(`${url}/api/coalitions`, {
        method: 'POST',
        headers: { cookie: chair.cookie!, 'content-type': type },
        body: newCoalition,
      })
      expect(answer.status, type).toBe(201)
    }
    expect((await chair.request('POST', '/api/auth/sign-out')).status).toBe(204)
  })

  it('to the import route is a multipart upload, and goes through', async () => {
    const url = await start()
    const { chair, coalitionId } = await seedCoalition(url)
    const form = new FormData()
    form.append('file', new Blob(['# Fortnightly call\n\nWe met.\n']), 'minutes.md')
    form.append('date', '2025-03-18')
    const answer = await fetch(`${url}/api/coalitions/${coalitionId}/meetings/import`, {
      method: 'POST',
      headers: { cookie: chair.cookie! },
      body: form,
    })
    expect(answer.status).toBe(201)
  })
})
