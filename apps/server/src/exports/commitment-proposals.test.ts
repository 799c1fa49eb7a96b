import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ICAL from 'ical.js'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { commitmentsDocumentSchema } from '@accord/exports'
import { minutesToUpdate } from '@accord/minutes/import'
import type { Ledger, LedgerAction } from '@accord/minutes/ledger'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition, type SeededCoalition } from '../testing/accord-client.ts'
import { actionNode, editMinutes } from '../testing/minutes.ts'
import { until } from '../testing/until.ts'

// One truth on every surface, the organisation's files too: owners and a date the server read
// from an action's words are marked as proposed in every commitments format and in the calendar
// feed, as the tracker shows them, until someone confirms them.

let server: RunningServer
let dataDir: string
let seed: SeededCoalition

const WRITE = 'FPCT to write to the council by 7 March 2025'
const CHAIR = 'FPCT to chair the next call'

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-commitment-proposals-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
  seed = await seedCoalition(server.url)
  const { fpct } = seed.organisations
  const minutes = {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Present: ALC, FPCT and CNN.' }] },
      actionNode('a-write', WRITE),
      actionNode('a-chair', CHAIR, { owners: [fpct], due: '2025-03-18' }),
    ],
  }
  await editMinutes(seed.chair, seed.meetingId, (doc) =>
    Y.applyUpdate(doc, minutesToUpdate(minutes)),
  )
  await until('the proposal is read', async () => (await proposed()).ownersProposed === true)
})

afterAll(async () => {
  await server?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** The tracker's copy of the action that is only words. */
async function proposed(): Promise<Partial<LedgerAction>> {
  const ledger = await seed.chair.expect<Ledger>(
    200,
    'GET',
    `/api/coalitions/${seed.coalitionId}/ledger`,
  )
  return ledger.actions.find((candidate) => candidate.key === 'a-write') ?? {}
}

async function download(url: string, cookie = seed.member.cookie) {
  const response = await fetch(url.startsWith('http') ? url : `${server.url}${url}`, {
    headers: cookie ? { cookie } : {},
  })
  expect(response.status, url).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

/** FPCT's commitments in one format, as text; Word's read from its XML, one line per paragraph. */
async function commitments(format: string): Promise<string> {
  const { fpct } = seed.organisations
  const bytes = await download(
    `/api/coalitions/${seed.coalitionId}/organisations/${fpct}/commitments.${format}`,
  )
  if (format !== 'docx') return new TextDecoder().decode(bytes)
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '')
}

/** Each event's summary and status, by action key. */
function events(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics) as unknown[])
  return Object.fromEntries(
    calendar.getAllSubcomponents('vevent').map((event) => [
      String(event.getFirstPropertyValue('uid')).replace('@accord', ''),
      {
        summary: event.getFirstPropertyValue('summary'),
        status: event.getFirstPropertyValue('status'),
        start: String(event.getFirstPropertyValue('dtstart')),
      },
    ]),
  )
}

describe("an organisation's commitments, where owners and a date were read from the words", () => {
  it('mark them "(proposed)" in Markdown and Word, and flag them in CSV and JSON', async () => {
    expect(await proposed()).toMatchObject({ ownersProposed: true, dueProposed: true })
    const md = await commitments('md')
    expect(md).toContain(`**${WRITE}** · due 7 Mar 2025 (proposed)`)
    expect(md).toContain('owned by FPCT (proposed)')
    expect(md).toContain(`**${CHAIR}** · due 18 Mar 2025`)
    expect(md.match(/\(proposed\)/g)).toHaveLength(2)

    const docx = await commitments('docx')
    expect(docx).toContain(`${WRITE}\nFPCT (proposed)\n7 Mar 2025 (proposed)`)
    expect(docx).toContain(`${CHAIR}\nFPCT\n18 Mar 2025`)
    expect(docx).not.toContain('18 Mar 2025 (proposed)')

    const csv = Papa.parse<Record<string, string>>(await commitments('csv'), {
      header: true,
      skipEmptyLines: true,
    })
    expect(
      csv.data.map((row) => [
        row['Action'],
        row['Due'],
        row['Due proposed'],
        row['Owners proposed'],
      ]),
    ).toEqual([
      [WRITE, '2025-03-07', 'yes', 'yes'],
      [CHAIR, '2025-03-18', 'no', 'no'],
    ])

    const json = commitmentsDocumentSchema.parse(JSON.parse(await commitments('json')))
    expect(json.rows.map((row) => [row.key, row.ownersProposed, row.dueProposed])).toEqual([
      ['a-write', true, true],
      ['a-chair', false, false],
    ])
  })

  it('keep the proposed date in the calendar file and feed, tentative, until it is confirmed', async () => {
    const { fpct } = seed.organisations
    const { url } = await seed.chair.expect<{ url: string }>(
      201,
      'POST',
      `/api/coalitions/${seed.coalitionId}/organisations/${fpct}/calendar-feeds`,
    )
    const feed = async () => events(new TextDecoder().decode(await download(url, undefined)))
    const proposedEvents = {
      'a-write': {
        summary: `FPCT: (proposed date) ${WRITE}`,
        status: 'TENTATIVE',
        start: '2025-03-07',
      },
      'a-chair': { summary: `FPCT: ${CHAIR}`, status: 'CONFIRMED', start: '2025-03-18' },
    }
    expect(events(await commitments('ics'))).toEqual(proposedEvents)
    expect(await feed()).toEqual(proposedEvents)

    // Confirmed on the tracker: the same event (same UID) turns firm, in the feed too.
    const { dueText } = await proposed()
    await seed.member.expect(200, 'PATCH', `/api/coalitions/${seed.coalitionId}/actions/a-write`, {
      owners: [fpct],
      due: '2025-03-07',
      dueText,
    })
    await until('the confirmation is read', async () => (await proposed()).dueProposed === false)
    const confirmed = {
      ...proposedEvents,
      'a-write': { summary: `FPCT: ${WRITE}`, status: 'CONFIRMED', start: '2025-03-07' },
    }
    expect(events(await commitments('ics'))).toEqual(confirmed)
    expect(await feed()).toEqual(confirmed)
    expect(await commitments('md')).not.toContain('(proposed)')
  })
})
