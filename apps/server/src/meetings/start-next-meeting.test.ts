import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { minutesToUpdate } from '@accord/minutes/import'
import type { Client } from '@accord/sync/testing'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition, type SeededCoalition } from '../testing/accord-client.ts'

let server: RunningServer
let dataDir: string
let seed: SeededCoalition
const clients: Client[] = []

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-next-meeting-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
  seed = await seedCoalition(server.url)
})

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy()
  await server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const heading = (level: number, text: string) => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
})
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

function action(
  id: string,
  text: string,
  attrs: { owners: string[]; status?: string; due?: string; dueText?: string },
  carriedFrom: string | null = null,
) {
  return {
    type: 'actionItem',
    attrs: {
      id,
      owners: attrs.owners,
      assignee: null,
      due: attrs.due ?? null,
      dueText: attrs.dueText ?? null,
      status: attrs.status ?? 'open',
      carriedFrom,
    },
    content: [{ type: 'text', text }],
  }
}

/** Writes minutes into a meeting through the editor's protocol, as someone typing them. */
async function writeMinutes(meetingId: string, content: object[]) {
  const editor = seed.chair.sync(meetingId)
  clients.push(editor)
  await editor.synced()
  Y.applyUpdate(editor.doc, minutesToUpdate({ type: 'doc', content }))
  await editor.saved()
}

async function structure(meetingId: string) {
  return seed.chair.expect(200, 'GET', `/api/meetings/${meetingId}/structure`) as Promise<{
    actions: { key: string; owners: string[]; status: string; carriedFrom: string | null }[]
  }>
}

describe('starting the next meeting', () => {
  it('carries the agenda and every outstanding action, grouped by owner, ids and all', async () => {
    const { alc, fpct, cnn } = seed.organisations
    const previous = seed.meetingId
    await writeMinutes(previous, [
      heading(1, 'Fortnightly call'),
      paragraph('Present: ALC, FPCT and CNN.'),
      heading(2, 'Funding'),
      action('act-alc', 'ALC to draft the letter', {
        owners: [alc],
        due: '2025-03-14',
        dueText: 'next Friday',
      }),
      action('act-shared', 'ALC and FPCT to cost the options', {
        owners: [fpct, alc],
        status: 'in_progress',
      }),
      heading(2, 'Workforce'),
      action('act-all', 'Everyone to share vacancy figures', { owners: ['ALL'] }),
      action('act-done', 'CNN to book the hall', { owners: [cnn], status: 'done' }),
      action('act-dropped', 'FPCT to write to the paper', { owners: [fpct], status: 'dropped' }),
      action('act-none', 'Someone to take notes next time', { owners: [] }),
      heading(2, 'Matters arising'),
      heading(3, 'Carers Network Northshire'),
      paragraph('Nothing outstanding.'),
    ])
    // Straight away, its structure perhaps not projected yet: starting the next meeting sees to
    // that. Approved minutes are where the next meeting usually starts from.
    await seed.chair.expect(200, 'POST', `/api/meetings/${previous}/approve`)

    const { meeting } = await seed.secretariat.expect(
      201,
      'POST',
      `/api/meetings/${previous}/next`,
      {
        title: 'Fortnightly call',
        date: '2025-03-18',
      },
    )
    expect(meeting).toMatchObject({
      coalitionId: seed.coalitionId,
      title: 'Fortnightly call',
      date: '2025-03-18',
      status: 'draft',
      attendance: [],
    })
    expect(meeting.id).not.toBe(previous)

    const { minutes } = await seed.member.expect(200, 'GET', `/api/meetings/${meeting.id}/minutes`)
    expect(minutes.json).toEqual({
      type: 'doc',
      content: [
        heading(1, 'Fortnightly call'),
        heading(2, 'Funding'),
        heading(2, 'Workforce'),
        heading(2, 'Matters arising'),
        heading(3, 'All members'),
        action('act-all', 'Everyone to share vacancy figures', { owners: ['ALL'] }, previous),
        heading(3, 'Association of Local Councils'),
        action(
          'act-alc',
          'ALC to draft the letter',
          { owners: [alc], due: '2025-03-14', dueText: 'next Friday' },
          previous,
        ),
        heading(3, 'ALC and FPCT'),
        action(
          'act-shared',
          'ALC and FPCT to cost the options',
          { owners: [fpct, alc], status: 'in_progress' },
          previous,
        ),
        heading(3, 'No owner'),
        action('act-none', 'Someone to take notes next time', { owners: [] }, previous),
      ],
    })

    // Its structure holds the carried actions under the same keys, before anyone opens it.
    const carried = (await structure(meeting.id)).actions
    expect(carried.map(({ key, carriedFrom }) => [key, carriedFrom])).toEqual([
      ['act-all', previous],
      ['act-alc', previous],
      ['act-shared', previous],
      ['act-none', previous],
    ])
    // The previous meeting is untouched.
    expect((await structure(previous)).actions.map((a) => a.carriedFrom)).toEqual(
      Array(6).fill(null),
    )
  })

  it('is for chairs and the secretariat, with a valid title and date', async () => {
    const path = `/api/meetings/${seed.meetingId}/next`
    const body = { title: 'Next call', date: '2025-03-18' }
    for (const person of [seed.member, seed.observer]) {
      const answer = await person.request('POST', path, body)
      expect(answer.status).toBe(403)
      expect(answer.body.error.code).toBe('forbidden')
    }
    expect((await seed.outsider.request('POST', path, body)).status).toBe(404)
    const invalid = await seed.chair.request('POST', path, {
      title: 'Next call',
      date: '18/03/2025',
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body.error.message).toContain('date')

    const { meetings } = await seed.chair.expect(
      200,
      'GET',
      `/api/coalitions/${seed.coalitionId}/meetings`,
    )
    expect(meetings.map((m: { id: string }) => m.id)).toEqual([seed.meetingId])

    // From minutes with nothing in them: just the heading to start from.
    const { meeting } = await seed.chair.expect(201, 'POST', path, body)
    const { minutes } = await seed.chair.expect(200, 'GET', `/api/meetings/${meeting.id}/minutes`)
    expect(minutes.json).toEqual({ type: 'doc', content: [heading(2, 'Matters arising')] })
  })
})
