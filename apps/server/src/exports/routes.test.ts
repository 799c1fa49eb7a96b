import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ICAL from 'ical.js'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { commitmentsDocumentSchema } from '@accord/exports'
import { MINUTES_FIELD } from '@accord/minutes'
import { minutesToUpdate } from '@accord/minutes/import'
import { isOverdue, isOwnedBy, type Ledger } from '@accord/minutes/ledger'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hashToken, newToken } from '../accounts/tokens.ts'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { SqliteStorage } from '../storage/sqlite/storage.ts'
import { AccordClient, seedCoalition, type SeededCoalition } from '../testing/accord-client.ts'
import { editMinutes } from '../testing/minutes.ts'

// One server and one coalition for the file: the downloads only read, and the tests that change
// something (feeds, approvals, members) do it to things of their own.
let server: RunningServer
let dataDir: string
let seed: SeededCoalition
/** A fourth organisation, with a name that is not ASCII. */
let otautahi: string
const today = new Date().toISOString().slice(0, 10)

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const SCRIPT = '<script>alert("minutes")</script>'

const heading = (level: number, text: string) => ({
  type: 'heading',
  attrs: { level },
  content: [{ type: 'text', text }],
})
const paragraph = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })

function action(
  id: string,
  text: string,
  attrs: { owners: string[]; status?: string; due?: string },
) {
  return {
    type: 'actionItem',
    attrs: {
      id,
      owners: attrs.owners,
      assignee: null,
      due: attrs.due ?? null,
      dueText: null,
      status: attrs.status ?? 'open',
      carriedFrom: null,
    },
    content: [{ type: 'text', text }],
  }
}

function ask(
  id: string,
  text: string,
  attrs: { target: string; supporters: string[]; status: string },
) {
  return { type: 'ask', attrs: { id, ...attrs }, content: [{ type: 'text', text }] }
}

/** Carers Network Northshire's actions in the minutes, by key; the others' are below. */
const CNN_ACTIONS = {
  'a-survey': 'CNN to send the carers survey, with “quotes”, to every ward',
  'a-costs': 'CNN and ALC to cost the respite options',
  'a-venue': 'CNN to find a venue',
  'a-hall': 'CNN to book the hall',
  'a-vacancies': 'Everyone to share vacancy figures',
}
/** Open or in progress, with a due date: what a calendar shows. */
const CNN_DATED = ['a-survey', 'a-costs', 'a-vacancies']
const FPCT_ACTION = 'FPCT to write to the paper'

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-exports-'))
  server = await startServer(
    loadConfig({ PORT: '0', DATA_DIR: dataDir }),
    pino({ level: 'silent' }),
  )
  seed = await seedCoalition(server.url)
  otautahi = (
    await seed.chair.expect(201, 'POST', `/api/coalitions/${seed.coalitionId}/organisations`, {
      name: 'Ōtautahi Carers',
      shortName: 'ŌC',
    })
  ).organisation.id
  const { alc, fpct, cnn } = seed.organisations
  await writeMinutes(seed.meetingId, [
    heading(1, 'Fortnightly call'),
    paragraph(`Present: ALC, FPCT and CNN. Someone typed ${SCRIPT} here.`),
    heading(2, 'Funding'),
    action('a-survey', CNN_ACTIONS['a-survey'], { owners: [cnn], due: '2031-04-01' }),
    action('a-costs', CNN_ACTIONS['a-costs'], {
      owners: [cnn, alc],
      status: 'in_progress',
      due: '2031-04-10',
    }),
    action('a-venue', CNN_ACTIONS['a-venue'], { owners: [cnn] }),
    action('a-hall', CNN_ACTIONS['a-hall'], { owners: [cnn], status: 'done', due: '2025-03-01' }),
    action('a-vacancies', CNN_ACTIONS['a-vacancies'], { owners: ['ALL'], due: '2031-05-01' }),
    action('a-paper', FPCT_ACTION, { owners: [fpct], due: '2031-04-02' }),
    action('a-host', 'ŌC to host the next meeting in Ōtautahi', {
      owners: [otautahi],
      due: '2031-06-01',
    }),
    heading(2, 'Asks'),
    ask('k-respite', 'Fund respite care for every carer', {
      target: 'Northshire Council',
      supporters: [alc, cnn],
      status: 'agreed',
    }),
    ask('k-allowance', 'Raise the carers allowance', {
      target: 'HM Treasury',
      supporters: [fpct],
      status: 'sent',
    }),
    ask('k-waiting', 'Publish the waiting list', {
      target: 'Northshire Council',
      supporters: [fpct],
      status: 'proposed',
    }),
  ])
  await untilProjected({ actions: 7, asks: 3 })
  // Each organisation the minutes name endorses for itself: only then does it sign a letter.
  const endorse = (person: AccordClient, key: string) =>
    person.expect(200, 'POST', `/api/coalitions/${seed.coalitionId}/asks/${key}/endorsement`)
  await endorse(seed.chair, 'k-respite')
  await endorse(seed.member, 'k-respite')
  await endorse(seed.secretariat, 'k-allowance')
  await endorse(seed.secretariat, 'k-waiting')
})

afterAll(async () => {
  await server?.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const writeMinutes = (meetingId: string, content: object[]) =>
  editMinutes(seed.chair, meetingId, (doc) =>
    Y.applyUpdate(doc, minutesToUpdate({ type: 'doc', content })),
  )

const appendParagraph = (meetingId: string, text: string) =>
  editMinutes(seed.chair, meetingId, (doc) => {
    const added = new Y.XmlElement('paragraph')
    added.insert(0, [new Y.XmlText(text)])
    const minutes = doc.getXmlFragment(MINUTES_FIELD)
    minutes.insert(minutes.length, [added])
  })

const ledgerNow = () =>
  seed.chair.expect<Ledger>(200, 'GET', `/api/coalitions/${seed.coalitionId}/ledger`)

/** Waits for the projection to store the minutes' structure, which the ledger is read from. */
async function untilProjected(expected: { actions: number; asks: number }) {
  const deadline = Date.now() + 10_000
  for (;;) {
    const { actions, asks } = await ledgerNow()
    if (actions.length === expected.actions && asks.length === expected.asks) return
    if (Date.now() > deadline) {
      throw new Error(`the ledger has ${actions.length} actions and ${asks.length} asks`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** A GET as a browser or a calendar app makes it: the person's cookie, if any, and raw bytes. */
async function download(person: AccordClient | undefined, url: string) {
  const response = await fetch(url.startsWith('http') ? url : `${server.url}${url}`, {
    headers: person?.cookie ? { cookie: person.cookie } : {},
  })
  const bytes = new Uint8Array(await response.arrayBuffer())
  // TextDecoder drops a byte-order mark, as a spreadsheet does.
  const text = new TextDecoder().decode(bytes)
  return { status: response.status, headers: response.headers, bytes, text }
}

const commitmentsPath = (organisationId: string, format: string) =>
  `/api/coalitions/${seed.coalitionId}/organisations/${organisationId}/commitments.${format}`

/** The text of a Word file, without the XML. */
async function docxText(bytes: Uint8Array): Promise<string> {
  const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string')
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
}

function calendarEvents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics) as unknown[]).getAllSubcomponents('vevent')
}

const eventUids = (ics: string) =>
  calendarEvents(ics)
    .map((event) => event.getFirstPropertyValue('uid'))
    .sort()

describe("an organisation's commitments", () => {
  it.each([
    ['md', 'text/markdown; charset=utf-8'],
    ['csv', 'text/csv; charset=utf-8'],
    ['ics', 'text/calendar; charset=utf-8'],
    ['docx', DOCX],
    ['json', 'application/json'],
  ])('download as .%s with the headers a browser saves them by', async (format, type) => {
    const file = await download(seed.member, commitmentsPath(seed.organisations.cnn, format))
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe(type)
    const name = `CNN-commitments-${today}.${format}`
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="${name}"; filename*=UTF-8''${name}`,
    )
    expect(Number(file.headers.get('content-length'))).toBe(file.bytes.byteLength)
    expect(file.bytes.byteLength).toBeGreaterThan(0)
    expect(file.headers.get('cache-control')).toBe('no-store')
    expect(file.headers.get('x-content-type-options')).toBe('nosniff')
  })

  it('names the file in ASCII for old clients and in UTF-8 for the rest', async () => {
    const file = await download(seed.chair, commitmentsPath(otautahi, 'md'))
    expect(file.headers.get('content-disposition')).toBe(
      `attachment; filename="OC-commitments-${today}.md"; ` +
        `filename*=UTF-8''%C5%8CC-commitments-${today}.md`,
    )
    expect(file.text).toContain('ŌC to host the next meeting in Ōtautahi')
  })

  it("as CSV, are the ledger's actions of that organisation and no other's", async () => {
    const ledger = await ledgerNow()
    const { cnn } = seed.organisations
    const file = await download(seed.member, commitmentsPath(cnn, 'csv'))
    // Excel needs the byte-order mark to read UTF-8.
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const parsed = Papa.parse<Record<string, string>>(file.text, {
      header: true,
      skipEmptyLines: true,
    })
    expect(parsed.errors).toEqual([])
    const row = (record: Record<string, string>) => ({
      text: record['Action'],
      status: record['Status'],
      due: record['Due'],
      overdue: record['Overdue'],
      link: record['Link'],
    })
    const expected = ledger.actions
      .filter((item) => isOwnedBy(item, cnn))
      .map((item) => ({
        text: item.text,
        status: item.status.replace('_', ' '),
        due: item.due ?? '',
        overdue: isOverdue(item, today) ? 'yes' : 'no',
        // Absolute, from the request's origin, as no PUBLIC_ORIGIN is set.
        link: `${server.url}/meetings/${item.heldIn}#action-${item.key}`,
      }))
    const byText = (a: { text?: string }, b: { text?: string }) =>
      (a.text ?? '').localeCompare(b.text ?? '')
    expect(parsed.data.map(row).sort(byText)).toEqual(expected.sort(byText))
    expect(expected.map((item) => item.text).sort()).toEqual(Object.values(CNN_ACTIONS).sort())
    expect(file.text).not.toContain(FPCT_ACTION)
    expect(file.text).not.toContain('Ōtautahi')
  })

  it('as iCalendar, hold one event per open, dated action', async () => {
    const file = await download(seed.member, commitmentsPath(seed.organisations.cnn, 'ics'))
    expect(eventUids(file.text)).toEqual(CNN_DATED.map((key) => `${key}@accord`).sort())
  })

  it('as Word, list every action of the organisation', async () => {
    const file = await download(seed.member, commitmentsPath(seed.organisations.cnn, 'docx'))
    const text = await docxText(file.bytes)
    for (const actionText of Object.values(CNN_ACTIONS)) expect(text).toContain(actionText)
    expect(text).not.toContain(FPCT_ACTION)
  })

  it('as JSON, are a valid accord.commitments document', async () => {
    const file = await download(seed.member, commitmentsPath(seed.organisations.cnn, 'json'))
    const document = commitmentsDocumentSchema.parse(JSON.parse(file.text))
    expect(document.organisation).toMatchObject({ id: seed.organisations.cnn, shortName: 'CNN' })
    expect(document.generatedOn).toBe(today)
    expect(document.rows.map((row) => row.key).sort()).toEqual(Object.keys(CNN_ACTIONS).sort())
    for (const row of document.rows)
      expect(row.link.startsWith(`${server.url}/meetings/`)).toBe(true)
  })

  it('download for observers, and for members of other organisations', async () => {
    const cnn = seed.organisations.cnn
    expect((await download(seed.observer, commitmentsPath(cnn, 'md'))).status).toBe(200)
    const file = await download(seed.secretariat, commitmentsPath(cnn, 'md'))
    expect(file.status).toBe(200)
    expect(file.text).toContain('CNN to find a venue')
  })

  it('are hidden from outsiders, and a wrong format or organisation is not found', async () => {
    const cnn = seed.organisations.cnn
    const outsider = await download(seed.outsider, commitmentsPath(cnn, 'csv'))
    expect(outsider.status).toBe(404)
    expect(JSON.parse(outsider.text).error.code).toBe('not_found')
    expect((await download(undefined, commitmentsPath(cnn, 'csv'))).status).toBe(401)

    const pdf = await download(seed.member, commitmentsPath(cnn, 'pdf'))
    expect(pdf.status).toBe(404)
    expect(JSON.parse(pdf.text).error.message).toContain('md, csv, ics, docx, json')

    const nobody = await download(seed.member, commitmentsPath('no-such-organisation', 'csv'))
    expect(nobody.status).toBe(404)
    expect(JSON.parse(nobody.text).error.message).toContain('no-such-organisation')
  })
})

describe('calendar feeds', () => {
  const feedsPath = (organisationId: string) =>
    `/api/coalitions/${seed.coalitionId}/organisations/${organisationId}/calendar-feeds`

  it('publish the due dates to a calendar app without a session, until revoked', async () => {
    const { cnn } = seed.organisations
    const { feed, url } = await seed.member.expect(201, 'POST', feedsPath(cnn))
    expect(feed).toEqual({
      id: expect.any(String),
      organisationId: cnn,
      createdAt: expect.any(String),
      createdBy: seed.ids.member,
      revokedAt: null,
    })
    expect(url).toMatch(new RegExp(`^${server.url}/calendar/[A-Za-z0-9_-]{43}\\.ics$`))

    const calendar = await download(undefined, url)
    expect(calendar.status).toBe(200)
    expect(calendar.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(calendar.headers.get('cache-control')).toBe('private, max-age=300')
    expect(eventUids(calendar.text)).toEqual(CNN_DATED.map((key) => `${key}@accord`).sort())

    // Only the hash of the token is stored: a copy of the database publishes nothing.
    const token = url
      .split('/')
      .pop()!
      .replace(/\.ics$/, '')
    const store = new SqliteStorage(dataDir)
    try {
      expect(await store.calendarFeeds.findFeed(token)).toBeUndefined()
      expect(await store.calendarFeeds.findFeed(hashToken(token))).toMatchObject({ id: feed.id })
    } finally {
      await store.close()
    }

    const listed = await seed.chair.expect(200, 'GET', feedsPath(cnn))
    expect(listed.feeds).toContainEqual(feed)
    expect(JSON.stringify(listed)).not.toContain(token)

    await seed.member.expect(204, 'DELETE', `${feedsPath(cnn)}/${feed.id}`)
    expect((await download(undefined, url)).status).toBe(404)
    await seed.member.expect(404, 'DELETE', `${feedsPath(cnn)}/${feed.id}`)
    const after = await seed.member.expect(200, 'GET', feedsPath(cnn))
    expect(after.feeds.find((item: { id: string }) => item.id === feed.id).revokedAt).toEqual(
      expect.any(String),
    )
  })

  it('may be made by observers of the organisation', async () => {
    const { feed } = await seed.observer.expect(201, 'POST', feedsPath(seed.organisations.cnn))
    expect(feed.createdBy).toBe(seed.ids.observer)
  })

  it("are not another organisation's members' to make, see or revoke", async () => {
    const { fpct } = seed.organisations
    // Grace is FPCT's own; Tom is a member of CNN.
    const { feed } = await seed.secretariat.expect(201, 'POST', feedsPath(fpct))
    for (const [method, where] of [
      ['POST', feedsPath(fpct)],
      ['GET', feedsPath(fpct)],
      ['DELETE', `${feedsPath(fpct)}/${feed.id}`],
    ] as const) {
      const answer = await seed.member.request(method, where)
      expect(answer.status).toBe(403)
      expect(answer.body.error.code).toBe('forbidden')
    }
    expect((await seed.outsider.request('GET', feedsPath(fpct))).status).toBe(404)
    expect((await seed.member.request('GET', feedsPath('no-such-organisation'))).status).toBe(404)
    // The chair manages every organisation's links.
    expect((await seed.chair.expect(200, 'GET', feedsPath(fpct))).feeds).toContainEqual(feed)
    await seed.chair.expect(204, 'DELETE', `${feedsPath(fpct)}/${feed.id}`)
  })

  it('answer a made-up or malformed link as they answer a revoked one', async () => {
    for (const file of [`${newToken()}.ics`, 'calendar.ics', newToken()]) {
      const answer = await download(undefined, `/calendar/${file}`)
      expect(answer.status).toBe(404)
      expect(JSON.parse(answer.text).error.code).toBe('not_found')
    }
  })

  it('stop when the person who made one leaves the coalition', async () => {
    const { cnn } = seed.organisations
    const { path: invite } = await seed.chair.expect(
      201,
      'POST',
      `/api/coalitions/${seed.coalitionId}/invites`,
      { organisationId: cnn, role: 'member' },
    )
    const leaver = new AccordClient(server.url)
    const { id } = await leaver.signUp('Lena')
    await leaver.expect(200, 'POST', `/api/invites/${invite.split('/').pop()}/accept`)
    const { url } = await leaver.expect(201, 'POST', feedsPath(cnn))
    expect((await download(undefined, url)).status).toBe(200)

    await seed.chair.expect(204, 'DELETE', `/api/coalitions/${seed.coalitionId}/members/${id}`)
    expect((await download(undefined, url)).status).toBe(404)
  })
})

describe('the joint letter', () => {
  const letterPath = (format: string, query = '') =>
    `/api/coalitions/${seed.coalitionId}/asks/letter.${format}${query}`

  it('gathers every agreed or sent ask, signed by their supporters', async () => {
    const file = await download(seed.observer, letterPath('md'))
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(file.headers.get('content-disposition')).toMatch(/^attachment; filename="[^"]+\.md"/)
    expect(Number(file.headers.get('content-length'))).toBe(file.bytes.byteLength)
    expect(file.text).toContain('Fund respite care for every carer')
    expect(file.text).toContain('Raise the carers allowance')
    expect(file.text).not.toContain('Publish the waiting list')
    const signed = file.text.slice(file.text.indexOf('Signed by'))
    expect(signed).toContain('Association of Local Councils')
    expect(signed).toContain('Fair Pay for Care Trust')
    expect(signed).toContain('Carers Network Northshire')
  })

  it('to one target, signed by only the backers of its asks', async () => {
    const file = await download(seed.member, letterPath('md', '?target=Northshire%20Council'))
    expect(file.status).toBe(200)
    expect(file.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Northshire%20Care%20Coalition%20joint%20letter%20to%20Northshire%20Council.md",
    )
    expect(file.text).toContain('Fund respite care for every carer')
    expect(file.text).not.toContain('Raise the carers allowance')
    const signed = file.text.slice(file.text.indexOf('Signed by'))
    expect(signed).toContain('Carers Network Northshire')
    expect(signed).not.toContain('Fair Pay for Care Trust')
  })

  it('as Word, with the asks chosen by key', async () => {
    const file = await download(seed.member, letterPath('docx', '?keys=k-allowance,k-waiting'))
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe(DOCX)
    const text = await docxText(file.bytes)
    expect(text).toContain('Raise the carers allowance')
    expect(text).toContain('Publish the waiting list')
    expect(text).not.toContain('Fund respite care for every carer')
    expect(text).toContain('Fair Pay for Care Trust')
    expect(text).not.toContain('Carers Network Northshire')
  })

  it('explains what is missing when there is nothing to write', async () => {
    const unknown = await seed.member.request('GET', letterPath('md', '?keys=k-respite,k-nope'))
    expect(unknown.status).toBe(404)
    expect(unknown.body.error.message).toContain('"k-nope"')
    const noAsks = await seed.member.request('GET', letterPath('md', '?target=Nobody'))
    expect(noAsks.status).toBe(400)
    expect(noAsks.body.error).toMatchObject({ code: 'no_asks' })
    expect(noAsks.body.error.message).toContain('"Nobody"')
    expect((await seed.member.request('GET', letterPath('md', '?keys='))).status).toBe(400)
    const pdf = await seed.member.request('GET', letterPath('pdf'))
    expect(pdf.status).toBe(404)
    expect(pdf.body.error.message).toContain('md, docx')
    expect((await seed.outsider.request('GET', letterPath('md'))).status).toBe(404)
  })
})

describe("a meeting's minutes", () => {
  const exportPath = (meetingId: string, format: string, query = '') =>
    `/api/meetings/${meetingId}/export.${format}${query}`

  it('export as Markdown, Word and a page that runs nothing typed into it', async () => {
    const md = await download(seed.observer, exportPath(seed.meetingId, 'md'))
    expect(md.status).toBe(200)
    expect(md.headers.get('content-type')).toBe('text/markdown; charset=utf-8')
    expect(md.headers.get('content-disposition')).toBe(
      `attachment; filename="Fortnightly-call-2025-03-04.md"; ` +
        `filename*=UTF-8''Fortnightly%20call%202025-03-04.md`,
    )
    expect(md.text).toContain('CNN to find a venue')
    expect(md.text).toContain('Draft')

    const docx = await download(seed.member, exportPath(seed.meetingId, 'docx'))
    expect(docx.headers.get('content-type')).toBe(DOCX)
    expect(Number(docx.headers.get('content-length'))).toBe(docx.bytes.byteLength)
    expect(await docxText(docx.bytes)).toContain('Fund respite care for every carer')

    const html = await download(seed.member, exportPath(seed.meetingId, 'html'))
    expect(html.status).toBe(200)
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(html.headers.get('content-disposition')).toMatch(/^inline; filename="[^"]+\.html"/)
    expect(html.headers.get('content-security-policy')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    )
    expect(html.headers.get('x-content-type-options')).toBe('nosniff')
    expect(html.text).toContain('&lt;script&gt;')
    expect(html.text).not.toContain('<script')
    expect(html.text).toContain('CNN to find a venue')
  })

  it('export an approved version as it was approved', async () => {
    const { meeting } = await seed.chair.expect(
      201,
      'POST',
      `/api/coalitions/${seed.coalitionId}/meetings`,
      { title: 'Planning day in Ōtautahi', date: '2025-04-01' },
    )
    await writeMinutes(meeting.id, [paragraph('As approved.')])
    await seed.chair.expect(200, 'POST', `/api/meetings/${meeting.id}/approve`)
    await seed.chair.expect(200, 'POST', `/api/meetings/${meeting.id}/reopen`)
    await appendParagraph(meeting.id, 'Added after reopening.')
    const { versions } = await seed.member.expect(
      200,
      'GET',
      `/api/meetings/${meeting.id}/versions`,
    )
    const approved = versions.find((version: { kind: string }) => version.kind === 'approved')
    const reopened = versions.find((version: { kind: string }) => version.kind === 'reopened')

    const live = await download(seed.member, exportPath(meeting.id, 'md'))
    expect(live.text).toContain('As approved.')
    expect(live.text).toContain('Added after reopening.')

    for (const format of ['md', 'html']) {
      const version = await download(
        seed.member,
        exportPath(meeting.id, format, `?version=${approved.id}`),
      )
      expect(version.status).toBe(200)
      expect(version.text).toContain('As approved.')
      expect(version.text).not.toContain('Added after reopening.')
      expect(version.text).toContain('Approved · version 1')
    }
    const docx = await download(
      seed.member,
      exportPath(meeting.id, 'docx', `?version=${approved.id}`),
    )
    expect(docx.headers.get('content-disposition')).toContain(
      `filename="Planning-day-in-Otautahi-2025-04-01-v1.docx"`,
    )
    expect(await docxText(docx.bytes)).toContain('As approved.')

    // A reopening holds no minutes of its own.
    for (const missing of [reopened.id, 'no-such-version']) {
      const answer = await seed.member.request(
        'GET',
        exportPath(meeting.id, 'md', `?version=${missing}`),
      )
      expect(answer.status).toBe(404)
      expect(answer.body.error.message).toContain(missing)
    }
  })

  it('are hidden from outsiders, and a wrong format is not found', async () => {
    expect((await seed.outsider.request('GET', exportPath(seed.meetingId, 'md'))).status).toBe(404)
    const pdf = await seed.member.request('GET', exportPath(seed.meetingId, 'pdf'))
    expect(pdf.status).toBe(404)
    expect(pdf.body.error.message).toContain('md, docx, html')
  })
})

describe('behind a public origin', () => {
  it('links to the first PUBLIC_ORIGIN rather than the address the request came to', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-exports-origin-'))
    const config = loadConfig({
      PORT: '0',
      DATA_DIR: dir,
      PUBLIC_ORIGIN: 'https://accord.example.org,https://accord.example.net',
    })
    const behindProxy = await startServer(config, pino({ level: 'silent' }))
    try {
      const chair = new AccordClient(behindProxy.url)
      await chair.signUp('Owen')
      const { membership } = await chair.expect(201, 'POST', '/api/coalitions', {
        name: 'Northshire Care Coalition',
        organisation: { name: 'Association of Local Councils', shortName: 'ALC' },
      })
      const { url } = await chair.expect(
        201,
        'POST',
        `/api/coalitions/${membership.coalition.id}/organisations/${membership.organisation.id}/calendar-feeds`,
      )
      expect(url).toMatch(/^https:\/\/accord\.example\.org\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)
    } finally {
      await behindProxy.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
