import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { MINUTES_FIELD } from '@accord/minutes'
import { waitFor } from '@accord/sync/testing'
import pino from 'pino'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition } from '../testing/accord-client.ts'

const servers: RunningServer[] = []
const dataDirs: string[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  for (const dir of dataDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

async function start(env: Record<string, string> = {}) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-metrics-'))
  dataDirs.push(dataDir)
  const config = loadConfig({ PORT: '0', DATA_DIR: dataDir, ...env })
  const server = await startServer(config, pino({ level: 'silent' }))
  servers.push(server)
  return server
}

async function scrape(url: string) {
  const response = await fetch(`${url}/metrics`)
  expect(response.status).toBe(200)
  return { text: await response.text(), contentType: response.headers.get('content-type') }
}

/** The value of one unlabelled sample, such as `accord_rooms 2`. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${name} `))
  if (!line) throw new Error(`no sample ${name} in:\n${text}`)
  return Number(line.slice(name.length + 1))
}

describe('/metrics', () => {
  it("exposes Accord's metrics and the process's in Prometheus' text format", async () => {
    const { url } = await start()
    const { text, contentType } = await scrape(url)
    expect(contentType).toMatch(/^text\/plain; version=0\.0\.4/)
    expect(text).toContain('# TYPE accord_connections gauge')
    expect(text).toContain('# TYPE accord_rooms gauge')
    expect(text).toContain('# TYPE accord_updates_total counter')
    expect(text).toContain('# TYPE accord_ack_latency_seconds histogram')
    expect(text).toContain('# TYPE process_cpu_seconds_total counter')
    expect(text).toContain('# TYPE nodejs_heap_size_used_bytes gauge')
    expect(sample(text, 'accord_connections')).toBe(0)
    expect(sample(text, 'accord_updates_total')).toBe(0)
  })

  it('follows connections and rooms, and counts saved updates and acknowledgements', async () => {
    const server = await start()
    const { url } = server
    // A second server in the same process keeps its own counts.
    const other = await start()
    const { chair, meetingId } = await seedCoalition(url)
    const doc = new Y.Doc()
    const client = chair.sync(meetingId, doc)
    await client.synced()
    let { text } = await scrape(url)
    expect(sample(text, 'accord_connections')).toBe(1)
    expect(sample(text, 'accord_rooms')).toBe(1)
    const acknowledgedBefore = sample(text, 'accord_ack_latency_seconds_count')

    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText('ALC will circulate the analysis by Friday.')])
    doc.getXmlFragment(MINUTES_FIELD).insert(0, [paragraph])
    await client.saved()
    ;({ text } = await scrape(url))
    expect(sample(text, 'accord_updates_total')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'accord_ack_latency_seconds_count')).toBeGreaterThan(acknowledgedBefore)
    expect(sample(text, 'accord_ack_latency_seconds_sum')).toBeGreaterThan(0)
    expect(sample((await scrape(other.url)).text, 'accord_updates_total')).toBe(0)

    client.destroy()
    await waitFor(() => server.rooms.connectionCount === 0)
    ;({ text } = await scrape(url))
    expect(sample(text, 'accord_connections')).toBe(0)
  })

  it('is not served with METRICS=false', async () => {
    const { url } = await start({ METRICS: 'false' })
    const response = await fetch(`${url}/metrics`)
    expect(response.status).toBe(404)
  })
})
