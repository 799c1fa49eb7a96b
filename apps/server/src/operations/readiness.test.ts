import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer, type ServerOptions } from '../server.ts'
import { SqliteStorage } from '../storage/sqlite/storage.ts'

let server: RunningServer | undefined
let dataDir: string | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
})

// Tests only: the shared Redis of development and CI.
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

async function start(options: ServerOptions = {}, env: Record<string, string> = {}) {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-ready-'))
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env })
  server = await startServer(config, pino({ level: 'silent' }), options)
  return server
}

async function get(url: string) {
  const response = await fetch(url)
  return { status: response.status, body: (await response.json()) as unknown }
}

describe('health and readiness', () => {
  it('answers health without looking at any dependency', async () => {
    const { url } = await start({
      readiness: () => ({ database: () => Promise.reject(new Error('down')) }),
    })
    expect(await get(`${url}/api/health`)).toEqual({ status: 200, body: { ok: true } })
  })

  it('is ready when the database answers; Redis is not configured', async () => {
    const { url } = await start()
    expect(await get(`${url}/api/ready`)).toEqual({
      status: 200,
      body: { ok: true, checks: { database: 'ok', redis: 'not configured' } },
    })
  })

  it('answers 503 naming the database when its check fails', async () => {
    const { url } = await start({
      readiness: (checks) => ({
        ...checks,
        database: () => Promise.reject(new Error('connection refused')),
      }),
    })
    expect(await get(`${url}/api/ready`)).toEqual({
      status: 503,
      body: { ok: false, checks: { database: 'failed', redis: 'not configured' } },
    })
  })

  it('checks Redis when it is configured, and fails on it alone', async () => {
    let redisUp = true
    const { url } = await start({
      readiness: (checks) => ({
        ...checks,
        redis: () => (redisUp ? Promise.resolve() : Promise.reject(new Error('ECONNREFUSED'))),
      }),
    })
    expect(await get(`${url}/api/ready`)).toEqual({
      status: 200,
      body: { ok: true, checks: { database: 'ok', redis: 'ok' } },
    })
    redisUp = false
    expect(await get(`${url}/api/ready`)).toEqual({
      status: 503,
      body: { ok: false, checks: { database: 'ok', redis: 'failed' } },
    })
  })

  it('counts a dependency that takes over a second as down', async () => {
    const { url } = await start({
      readiness: (checks) => ({ ...checks, redis: () => new Promise(() => {}) }),
    })
    const started = performance.now()
    expect(await get(`${url}/api/ready`)).toEqual({
      status: 503,
      body: { ok: false, checks: { database: 'ok', redis: 'timed out' } },
    })
    expect(performance.now() - started).toBeLessThan(3000)
  })

  it('pings the Redis of REDIS_URL', async () => {
    const { url, fanout } = await start({}, { REDIS_URL, REDIS_PREFIX: 'accord-ready-test:' })
    await fanout!.ready()
    expect(await get(`${url}/api/ready`)).toEqual({
      status: 200,
      body: { ok: true, checks: { database: 'ok', redis: 'ok' } },
    })
  })

  it('answers 503 while Redis is unreachable, and still shuts down', async () => {
    // Nothing listens there: ioredis keeps retrying in the background.
    const { url } = await start({}, { REDIS_URL: 'redis://127.0.0.1:6390' })
    const { status, body } = await get(`${url}/api/ready`)
    expect(status).toBe(503)
    expect(body).toMatchObject({ ok: false, checks: { database: 'ok' } })
    expect(['failed', 'timed out']).toContain((body as { checks: { redis: string } }).checks.redis)
    const stopped = performance.now()
    await server!.close()
    server = undefined
    expect(performance.now() - stopped).toBeLessThan(2000)
  })

  it('checks the database with a query, which fails once it is closed', async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-ready-'))
    const storage = new SqliteStorage(dataDir)
    await expect(storage.ping()).resolves.toBeUndefined()
    await storage.close()
    await expect(storage.ping()).rejects.toThrow(/not open/)
  })
})
