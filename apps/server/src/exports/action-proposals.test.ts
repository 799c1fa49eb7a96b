import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { MINUTES_FIELD } from '@accord/minutes'
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

// One truth on every surface: an action node whose owners and date the server read from its
// words is filed by the tracker under those owners, and every export names the same ones.

let server: RunningServer
let dataDir: string
let seed: SeededCoalition
let meetingId: string

const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

const WRITE = 'FPCT to write to the council by 7 March 2025'
const SURVEY = 'CNN will circulate the survey results by Friday'
const VENUES = 'Look into venues'

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-proposals-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
  seed = await seedCoalition(server.url)
  meetingId = seed.meetingId
  const { alc, fpct, cnn } = seed.organisations
  await editMinutes(seed.chair, meetingId, (doc) =>
    Y.applyUpdate(
      doc,
      minutesToUpdate({
        type: 'doc',
        content: [
          paragraph('Present: ALC, FPCT and CNN.'),
          actionNode('a-write', WRITE),
          actionNode('a-survey', SURVEY),
          actionNode('a-venues', VENUES),
          actionNode('a-set', 'ALC to chair the next call', { owners: [alc], due: '2025-03-18' }),
          {
            type: 'ask',
            attrs: { id: 'k-fares', target: 'Northshire Council', supporters: [fpct, cnn] },
            content: [{ type: 'text', text: 'Free bus fares for carers' }],
          },
        ],
      }),
    ),
  )
  await until('the proposals are stored', async () => {
    const actions = await meetingActions()
    return actions.length === 4 && actions.some((action) => action.owners.length > 0)
  })
})

afterAll(async () => {
  await server?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

/** Types over the words of one action node, as someone editing it would. */
const retype = (id: string, text: string) =>
  editMinutes(seed.chair, meetingId, (doc) => {
    const node = doc
      .getXmlFragment(MINUTES_FIELD)
      .toArray()
      .find((child) => child instanceof Y.XmlElement && child.getAttribute('id') === id)
    const words = node instanceof Y.XmlElement ? node.get(0) : undefined
    if (!(words instanceof Y.XmlText)) throw new Error(`no action node ${id} to retype`)
    words.delete(0, words.length)
    words.insert(0, text)
  })

const ledgerNow = () =>
  seed.chair.expect<Ledger>(200, 'GET', `/api/coalitions/${seed.coalitionId}/ledger`)

/** The tracker's actions of the meeting, by key. */
const meetingActions = async () =>
  (await ledgerNow()).actions.filter((action) => action.heldIn === meetingId)

async function trackerAction(key: string): Promise<LedgerAction> {
  const action = (await meetingActions()).find((candidate) => candidate.key === key)
  if (!action) throw new Error(`the tracker has no action ${key}`)
  return action
}

async function download(url: string) {
  const response = await fetch(`${server.url}${url}`, { headers: { cookie: seed.member.cookie! } })
  expect(response.status, url).toBe(200)
  return new Uint8Array(await response.arrayBuffer())
}

/** Each export's text, Word's read from its XML one line per paragraph. */
async function minutesExports(query = '') {
  const file = (format: string) => download(`/api/meetings/${meetingId}/export.${format}${query}`)
  const xml = await (
    await JSZip.loadAsync(await file('docx'))
  )
    .file('word/document.xml')!
    .async('string')
  return {
    md: new TextDecoder().decode(await file('md')),
    html: new TextDecoder().decode(await file('html')),
    docx: xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, ''),
  }
}

/**
 * The details every export should write for the tracker's action `key`, whose owners and date
 * were read from its words: its owners' short names as the tracker has them, its due date.
 */
async function proposedDetails(key: string, due: string) {
  const { organisations } = await ledgerNow()
  const owners = (await trackerAction(key)).owners.map(
    (id) => organisations.find((organisation) => organisation.id === id)?.shortName ?? id,
  )
  return `${owners.join(', ')} (proposed); due ${due} (proposed); open`
}

describe('an action node whose owners the server read from its words', () => {
  it('is filed by the tracker under those owners, with its date', async () => {
    const { fpct, cnn } = seed.organisations
    expect(await trackerAction('a-write')).toMatchObject({ owners: [fpct], due: '2025-03-07' })
    expect(await trackerAction('a-survey')).toMatchObject({ owners: [cnn], due: '2025-03-07' })
    expect((await trackerAction('a-venues')).owners).toEqual([])
  })

  it('names the same owners and date, as proposed, in the Markdown, Word and print exports', async () => {
    const write = await proposedDetails('a-write', '7 Mar 2025')
    const survey = await proposedDetails('a-survey', '7 Mar 2025')
    expect(write).toBe('FPCT (proposed); due 7 Mar 2025 (proposed); open')
    const { md, html, docx } = await minutesExports()
    expect(md).toContain(`**Action** (${write}): ${WRITE}`)
    expect(md).toContain(`**Action** (${survey}): ${SURVEY}`)
    expect(md).toContain(`**Action** (no owner; open): ${VENUES}`)
    expect(md).toContain('**Action** (ALC; due 18 Mar 2025; open): ALC to chair the next call')
    expect(html).toContain(`<span class="details">(${write})</span>: ${WRITE}`)
    expect(html).toContain(`<span class="details">(no owner; open)</span>: ${VENUES}`)
    expect(docx).toContain(`Action (${write}): ${WRITE}`)
    expect(docx).toContain(`Action (${survey}): ${SURVEY}`)
    expect(md).not.toContain(`(no owner; open): ${WRITE}`)
  })

  it("is in its owner's commitments, as the tracker files it", async () => {
    const { fpct } = seed.organisations
    const csv = new TextDecoder().decode(
      await download(`/api/coalitions/${seed.coalitionId}/organisations/${fpct}/commitments.csv`),
    )
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true })
    expect(rows.data.map((row) => [row['Action'], row['Due']])).toEqual([[WRITE, '2025-03-07']])
  })

  it("leaves the joint letter to the tracker's asks and their supporters", async () => {
    const ask = (await ledgerNow()).asks.find((candidate) => candidate.key === 'k-fares')
    expect(ask?.supporters).toEqual([seed.organisations.fpct, seed.organisations.cnn])
    // The organisations the minutes name sign once they endorse it themselves.
    for (const person of [seed.secretariat, seed.member]) {
      await person.expect(
        200,
        'POST',
        `/api/coalitions/${seed.coalitionId}/asks/k-fares/endorsement`,
      )
    }
    const letter = new TextDecoder().decode(
      await download(`/api/coalitions/${seed.coalitionId}/asks/letter.md?keys=k-fares`),
    )
    expect(letter).toContain('Free bus fares for carers')
    const signed = letter.slice(letter.indexOf('Signed by'))
    expect(signed).toContain('Fair Pay for Care Trust')
    expect(signed).toContain('Carers Network Northshire')
    expect(signed).not.toContain('Association of Local Councils')
  })

  it('keeps its proposals in an approved version while its words are unchanged, and only then', async () => {
    await seed.chair.expect(200, 'POST', `/api/meetings/${meetingId}/approve`)
    const { versions } = await seed.member.expect(200, 'GET', `/api/meetings/${meetingId}/versions`)
    const approved = versions.find((version: { kind: string }) => version.kind === 'approved')
    const query = `?version=${approved.id}`
    const write = 'FPCT (proposed); due 7 Mar 2025 (proposed); open'
    expect((await minutesExports(query)).md).toContain(`**Action** (${write}): ${WRITE}`)

    // Reopened and retyped: the tracker now reads other words for a-write.
    await seed.chair.expect(200, 'POST', `/api/meetings/${meetingId}/reopen`)
    const rewritten = 'ALC to write to the council by 14 March 2025'
    await retype('a-write', rewritten)
    await until('the retyped action is stored', async () => {
      return (await trackerAction('a-write')).text === rewritten
    })
    expect(await trackerAction('a-write')).toMatchObject({
      owners: [seed.organisations.alc],
      due: '2025-03-14',
    })
    const live = await minutesExports()
    expect(live.md).toContain(
      `**Action** (ALC (proposed); due 14 Mar 2025 (proposed); open): ${rewritten}`,
    )

    // The version still holds the old words; what was read from the new ones is not theirs, and
    // what was read from the old ones is no longer stored: it says what its node sets.
    const version = await minutesExports(query)
    expect(version.md).toContain(`**Action** (no owner; open): ${WRITE}`)
    expect(version.md).not.toContain('ALC (proposed)')
    const survey = await proposedDetails('a-survey', '7 Mar 2025')
    expect(version.md).toContain(`**Action** (${survey}): ${SURVEY}`)
    expect(version.docx).toContain(`Action (${survey}): ${SURVEY}`)
  })
})
