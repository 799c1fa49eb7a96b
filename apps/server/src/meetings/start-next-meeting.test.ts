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
import { until } from '../testing/until.ts'

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
const SEEDED_MEETING_DATE = '2025-03-04'
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

function action(
  id: string,
  text: string,
  attrs: { owners: string[]; status?: string; due?: string; dueText?: string },
  carriedFrom: string | null = null,
) {
  // The seeded meeting, where every carried action of these tests was written.
  const writtenOn = carriedFrom === null ? null : SEEDED_MEETING_DATE
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
      writtenOn,
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

interface StructureAction {
  key: string
  owners: string[]
  ownersProposed: boolean
  due: string | null
  dueText: string | null
  dueProposed: boolean
  status: string
  carriedFrom: string | null
}

async function structure(meetingId: string) {
  return seed.chair.expect(200, 'GET', `/api/meetings/${meetingId}/structure`) as Promise<{
    actions: StructureAction[]
  }>
}

const WRITE = 'FPCT to write to the council by 7 March 2025'
const COST = 'FPCT to cost the options by 14 March 2025'

/**
 * Minutes with an action that is only words (owners and date read from them) and one whose
 * owners are set but whose date is only in its words; then the next meeting, started from them.
 */
async function carryProposals() {
  const previous = seed.meetingId
  await writeMinutes(previous, [
    paragraph('Present: ALC, FPCT and CNN.'),
    // As `/action` makes it: nothing but its words, which the server reads.
    action('act-words', WRITE, { owners: [] }),
    action('act-owned', COST, { owners: [seed.organisations.fpct] }),
  ])
  await until('the proposals are read', async () => {
    const { actions } = await structure(previous)
    return actions.length === 2 && actions.every((a) => a.owners.length > 0 && a.dueProposed)
  })
  const { meeting } = await seed.chair.expect(201, 'POST', `/api/meetings/${previous}/next`, {
    title: 'Fortnightly call',
    date: '2025-03-18',
  })
  return { previous, next: meeting.id as string }
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

  it('carries owners and a date read from the words as proposals, not as set', async () => {
    const { fpct } = seed.organisations
    const { previous, next } = await carryProposals()
    const { minutes } = await seed.chair.expect(200, 'GET', `/api/meetings/${next}/minutes`)
    const carried = (minutes.json.content as { type: string }[]).filter(
      (block) => block.type === 'actionItem',
    )
    // Nobody confirmed them, so nothing is written as if someone had.
    expect(carried).toEqual([
      action('act-words', WRITE, { owners: [] }, previous),
      action('act-owned', COST, { owners: [fpct] }, previous),
    ])
    // The new meeting reads the same words again, and flags what it reads as proposals.
    const read = (actions: StructureAction[]) =>
      actions.map(({ key, owners, ownersProposed, dueText, dueProposed }) => ({
        key,
        owners,
        ownersProposed,
        dueText,
        dueProposed,
      }))
    expect(read((await structure(next)).actions)).toEqual(read((await structure(previous)).actions))
    expect(read((await structure(next)).actions)).toEqual([
      {
        key: 'act-words',
        owners: [fpct],
        ownersProposed: true,
        dueText: '7 March 2025',
        dueProposed: true,
      },
      {
        key: 'act-owned',
        owners: [fpct],
        ownersProposed: false,
        dueText: '14 March 2025',
        dueProposed: true,
      },
    ])
    const { actions } = await seed.chair.expect<{
      actions: (StructureAction & { heldIn: string })[]
    }>(200, 'GET', `/api/coalitions/${seed.coalitionId}/ledger`)
    expect(actions.map((a) => [a.key, a.heldIn, a.ownersProposed, a.dueProposed])).toEqual([
      ['act-words', next, true, true],
      ['act-owned', next, false, true],
    ])
  })

  // Read as of the new meeting (18 March), "by 7 March 2025" would give no date: the words are
  // read as of the meeting they were written in (the node's `writtenOn`).
  it('reads the same proposed date again in the new meeting', async () => {
    const { previous, next } = await carryProposals()
    const dates = async (meetingId: string) =>
      (await structure(meetingId)).actions.map(({ key, due }) => [key, due])
    expect(await dates(previous)).toEqual([
      ['act-words', '2025-03-07'],
      ['act-owned', '2025-03-14'],
    ])
    expect(await dates(next)).toEqual(await dates(previous))
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
