/**
 * API answers carry people's names, e-mail addresses, memberships and minutes: no cache (the
 * browser's, a shared computer's disk, a proxy's) may keep them. Over the real server.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition } from '../testing/accord-client.ts'

let server: RunningServer | undefined
let dataDir: string | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

it('every API answer says Cache-Control: no-store, errors included', async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-no-store-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
  const { chair, coalitionId, meetingId, organisations } = await seedCoalition(server.url)
  const answers = {
    'who is signed in': await chair.request('GET', '/api/me'),
    'a coalition': await chair.request('GET', `/api/coalitions/${coalitionId}`),
    'its members': await chair.request('GET', `/api/coalitions/${coalitionId}/members`),
    'a meeting': await chair.request('GET', `/api/meetings/${meetingId}`),
    'the ledger': await chair.request('GET', `/api/coalitions/${coalitionId}/ledger`),
    'a download': await chair.request(
      'GET',
      `/api/coalitions/${coalitionId}/organisations/${organisations.alc}/commitments.csv`,
    ),
    'a write': await chair.request('POST', `/api/coalitions/${coalitionId}/organisations`, {
      name: 'Rural Transport Forum',
      shortName: 'RTF',
    }),
    health: await chair.request('GET', '/api/health'),
    'a 400': await chair.request('POST', `/api/coalitions/${coalitionId}/organisations`, {}),
    'a 401': await fetch(`${server.url}/api/me`),
    'a 404': await chair.request('GET', '/api/meetings/no-such-meeting'),
  }
  const statuses = Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, a.status]))
  expect(statuses).toEqual({
    'who is signed in': 200,
    'a coalition': 200,
    'its members': 200,
    'a meeting': 200,
    'the ledger': 200,
    'a download': 200,
    'a write': 201,
    health: 200,
    'a 400': 400,
    'a 401': 401,
    'a 404': 404,
  })
  for (const [what, answer] of Object.entries(answers)) {
    expect(answer.headers.get('cache-control'), what).toBe('no-store')
  }
})
