import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { AccordClient } from '../testing/accord-client.ts'

let server: RunningServer
let dataDir: string

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-demo-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
})

afterAll(async () => {
  await server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('POST /api/demo', () => {
  it('builds the Northshire coalition from the sample minutes with the caller as chair', async () => {
    const chair = new AccordClient(server.url)
    await chair.signUp('Newcomer')
    const { membership } = await chair.expect(201, 'POST', '/api/demo')
    expect(membership).toMatchObject({
      role: 'chair',
      coalition: { name: 'Northshire Care Coalition' },
    })
    const cid = membership.coalition.id as string

    const { organisations } = await chair.expect(200, 'GET', `/api/coalitions/${cid}/organisations`)
    expect(organisations).toHaveLength(9)
    expect(organisations).toContainEqual(
      expect.objectContaining({ shortName: 'ALC', aliases: ["the councils' association"] }),
    )
    const { members } = await chair.expect(200, 'GET', `/api/coalitions/${cid}/members`)
    expect(members.map((m: { name: string }) => m.name).sort()).toEqual(
      ['Grace', 'Hannah', 'Newcomer', 'Owen', 'Priya', 'Sam', 'Tom'].sort(),
    )

    const { meetings } = await chair.expect(200, 'GET', `/api/coalitions/${cid}/meetings`)
    expect(meetings.map((m: { date: string }) => m.date)).toEqual([
      '2025-03-04',
      '2025-01-21',
      '2024-11-12',
    ])
    const fortnightly = meetings[0]
    expect(fortnightly.attendance).toHaveLength(7)
    const { minutes } = await chair.expect(200, 'GET', `/api/meetings/${fortnightly.id}/minutes`)
    expect(minutes.text).toContain('ALC will analyse the budget')
  })

  it('arrives with its earlier meetings reviewed: the ledger has their actions and asks at once', async () => {
    const chair = new AccordClient(server.url)
    await chair.signUp('Reviewer')
    const { membership } = await chair.expect(201, 'POST', '/api/demo')
    const cid = membership.coalition.id as string
    const { meetings } = await chair.expect(200, 'GET', `/api/coalitions/${cid}/meetings`)
    const [newest, ...earlier] = meetings as { id: string }[]

    const ledger = await chair.expect(200, 'GET', `/api/coalitions/${cid}/ledger`)
    const raisedIn = new Set(ledger.actions.map((a: { raisedIn: string }) => a.raisedIn))
    expect([...raisedIn].sort()).toEqual(earlier.map((m) => m.id).sort())
    expect(ledger.actions.length).toBeGreaterThanOrEqual(8)
    expect(ledger.asks.length).toBeGreaterThanOrEqual(4)
    // The newest meeting is left to review: its suggestions wait, none accepted yet.
    expect(ledger.pendingSuggestions[newest!.id]).toBeGreaterThan(0)
    for (const meeting of earlier) expect(ledger.pendingSuggestions[meeting.id]).toBeUndefined()
  })

  it('never lets an account that claimed a sample person’s email into a demo', async () => {
    const squatter = new AccordClient(server.url)
    await squatter.signUp('Priya', 'priya@northshire.example')
    const chair = new AccordClient(server.url)
    await chair.signUp('Another newcomer')
    await chair.expect(201, 'POST', '/api/demo')
    const { memberships } = await squatter.expect(200, 'GET', '/api/me')
    expect(memberships).toEqual([])
  })
})
