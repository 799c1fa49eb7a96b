import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from 'docx'
import pino from 'pino'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { seedCoalition, type AccordClient, type SeededCoalition } from '../testing/accord-client.ts'
import { expectErrorShape } from '../testing/expect-error.ts'

const MAX_IMPORT_BYTES = 256 * 1024
const samplesDir = new URL('../demo/samples/', import.meta.url)
const sample = (file: string) => new Uint8Array(fs.readFileSync(new URL(file, samplesDir)))

let server: RunningServer
let dataDir: string
let seeded: SeededCoalition

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-import-'))
  const config = loadConfig({
    PORT: '0',
    DATA_DIR: dataDir,
    MAX_IMPORT_BYTES: String(MAX_IMPORT_BYTES),
  })
  server = await startServer(config, pino({ level: 'silent' }))
  seeded = await seedCoalition(server.url)
})

afterAll(async () => {
  await server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

type Field = string | { name: string; content: Uint8Array<ArrayBuffer> | string }

/** Posts the import form as a browser would: multipart, with the person's session cookie. */
async function importMinutes(
  person: AccordClient,
  fields: Record<string, Field>,
  coalitionId = seeded.coalitionId,
) {
  const form = new FormData()
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string') form.append(key, value)
    else form.append(key, new Blob([value.content]), value.name)
  }
  const response = await fetch(`${server.url}/api/coalitions/${coalitionId}/meetings/import`, {
    method: 'POST',
    body: form,
    // The server answers 413 before reading an upload and then drops the connection: no
    // later request may be sent on it.
    headers: { connection: 'close', ...(person.cookie ? { cookie: person.cookie } : {}) },
  })
  const text = await response.text()
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- asserted loosely, as AccordClient's answers
  const body: any = text ? JSON.parse(text) : undefined
  return { status: response.status, body, headers: response.headers }
}

async function minutesOf(meetingId: string) {
  const { minutes } = await seeded.chair.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`)
  return minutes as { json: { content: { type: string }[] }; text: string }
}

async function meetingIds(): Promise<string[]> {
  const { meetings } = await seeded.chair.expect(
    200,
    'GET',
    `/api/coalitions/${seeded.coalitionId}/meetings`,
  )
  return (meetings as { id: string }[]).map((meeting) => meeting.id).sort()
}

/** A Word document with a heading, paragraphs, a bulleted list and a table. */
async function wordDocument(): Promise<Uint8Array<ArrayBuffer>> {
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Budget working group', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun({ text: 'Agreed:', bold: true }),
              new TextRun(' respond to the '),
              new TextRun({ text: 'spring budget', italics: true }),
              new TextRun(' jointly.'),
            ],
          }),
          new Paragraph({ text: 'ALC to analyse the council settlement', bullet: { level: 0 } }),
          new Paragraph({ text: 'FPCT to draft the press release', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({
                tableHeader: true,
                children: ['Who', 'What'].map(
                  (text) => new TableCell({ children: [new Paragraph(text)] }),
                ),
              }),
              new TableRow({
                children: ['CNN', 'Collect carers’ stories'].map(
                  (text) => new TableCell({ children: [new Paragraph(text)] }),
                ),
              }),
            ],
          }),
          new Paragraph('Next meeting in two weeks.'),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}

/** A Word document with a heading, an attendance table and a line of minutes. */
async function attendanceDocument(rows: string[][]): Promise<Uint8Array<ArrayBuffer>> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] })
  const document = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: 'Care pay call', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({ text: 'Attendance', heading: HeadingLevel.HEADING_2 }),
          new Table({
            rows: rows.map(
              (row, i) => new TableRow({ tableHeader: i === 0, children: row.map(cell) }),
            ),
          }),
          new Paragraph({ text: 'Minutes', heading: HeadingLevel.HEADING_2 }),
          new Paragraph('The group discussed the settlement.'),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}

describe('POST /api/coalitions/:cid/meetings/import', () => {
  it.each([
    {
      file: 'fortnightly-call.md',
      title: 'Northshire Care Coalition – fortnightly call',
      lines: ['Spring budget', 'Hannah offered to connect members with spokespeople.'],
    },
    {
      file: 'pay-campaign.txt',
      title: 'pay-campaign',
      lines: [
        'Care Workforce Pay Campaign - notes of meeting 12 November 2024',
        'Next meeting: 26 November.',
      ],
    },
    {
      file: 'reform-alliance.md',
      title: 'Mental Health Act Reform Alliance – minutes',
      lines: ['1. Minutes of the last meeting', 'Agreed as an accurate record.'],
    },
  ])('imports $file as a new meeting with its minutes', async ({ file, title, lines }) => {
    const answer = await importMinutes(seeded.chair, {
      file: { name: file, content: sample(file) },
      date: '2025-03-04',
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    const { meeting } = answer.body
    expect(meeting).toMatchObject({ title, date: '2025-03-04', coalitionId: seeded.coalitionId })
    expect(answer.headers.get('location')).toBe(`/api/meetings/${meeting.id}`)
    const { text } = await minutesOf(meeting.id)
    for (const line of lines) expect(text).toContain(line)
    expect(await meetingIds()).toContain(meeting.id)
  })

  it('imports a Word document: heading, paragraphs, list and table', async () => {
    const answer = await importMinutes(seeded.secretariat, {
      file: { name: 'Budget group.docx', content: await wordDocument() },
      date: '2025-03-18',
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(answer.body.meeting.title).toBe('Budget working group')
    const { json, text } = await minutesOf(answer.body.meeting.id)
    expect(text.split('\n')).toEqual([
      'Budget working group',
      'Agreed: respond to the spring budget jointly.',
      'ALC to analyse the council settlement',
      'FPCT to draft the press release',
      'Who – What',
      'CNN – Collect carers’ stories',
      'Next meeting in two weeks.',
    ])
    expect(json.content.map((node) => node.type)).toEqual([
      'heading',
      'paragraph',
      'bulletList',
      'paragraph',
      'paragraph',
      'paragraph',
    ])
  })

  it('imports pasted text under the title given', async () => {
    const answer = await importMinutes(seeded.chair, {
      text: 'Present: ALC, FPCT\n\n- ALC to write to the council\n- FPCT to brief members',
      title: '  Extra call  ',
      date: '2025-04-01',
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    expect(answer.body.meeting.title).toBe('Extra call')
    expect((await minutesOf(answer.body.meeting.id)).text).toBe(
      'Present: ALC, FPCT\nALC to write to the council\nFPCT to brief members',
    )
  })

  describe('ticks the attendance the minutes record', () => {
    const attendanceOf = async (meetingId: string) => {
      const { meeting } = await seeded.chair.expect(200, 'GET', `/api/meetings/${meetingId}`)
      return [...(meeting.attendance as string[])].sort()
    }

    it('from a "Present:" line of pasted text', async () => {
      const answer = await importMinutes(seeded.chair, {
        text: 'Present: ALC, FPCT\n\nALC to write to the council.',
        title: 'Attendance call',
        date: '2025-04-03',
      })
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      const { alc, fpct } = seeded.organisations
      expect([...answer.body.meeting.attendance].sort()).toEqual([alc, fpct].sort())
      expect(await attendanceOf(answer.body.meeting.id)).toEqual([alc, fpct].sort())
    })

    it("from a Word attendance table, by organisation name, and no one else's", async () => {
      const answer = await importMinutes(seeded.chair, {
        file: {
          name: 'Attendance.docx',
          content: await attendanceDocument([
            ['Name', 'Organisation', 'Initials'],
            ['Grace Obi', 'Fair Pay for Care Trust', 'GO'],
            ['Tom Reyes', 'Carers Network Northshire', 'TR'],
          ]),
        },
        date: '2025-04-04',
      })
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      const { fpct, cnn } = seeded.organisations
      expect(await attendanceOf(answer.body.meeting.id)).toEqual([fpct, cnn].sort())
    })

    it('as no one when the minutes record no attendance', async () => {
      const answer = await importMinutes(seeded.chair, {
        text: 'The group discussed the settlement.',
        title: 'No attendance',
        date: '2025-04-05',
      })
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      expect(await attendanceOf(answer.body.meeting.id)).toEqual([])
    })
  })

  it('stores the structure straight away, so the ledger counts its suggestions unopened', async () => {
    const answer = await importMinutes(seeded.chair, {
      text: 'ALC will write to the council by Friday.\n\nFPCT will brief members next week.',
      title: 'Unopened call',
      date: '2025-04-02',
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    const id = answer.body.meeting.id as string
    // Asked at once, without waiting: the import answered only once the structure was stored.
    const structure = await seeded.chair.expect(200, 'GET', `/api/meetings/${id}/structure`)
    expect(structure.version).toBeGreaterThan(0)
    expect(structure.actions.map((a: { source: { text: string } }) => a.source.text)).toEqual([
      'ALC will write to the council by Friday.',
      'FPCT will brief members next week.',
    ])
    const ledger = await seeded.chair.expect(
      200,
      'GET',
      `/api/coalitions/${seeded.coalitionId}/ledger`,
    )
    expect(ledger.pendingSuggestions[id]).toBe(2)
  })

  it('takes uploads above the general request limit, up to MAX_IMPORT_BYTES', async () => {
    const paragraph = 'The group discussed the settlement at length. '.repeat(20)
    const big = Array.from({ length: 120 }, () => paragraph).join('\n\n') // about 110 KiB
    const answer = await importMinutes(seeded.chair, {
      file: { name: 'long.txt', content: big },
      date: '2025-04-02',
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(201)

    // The general limit still holds everywhere else.
    const other = await seeded.chair.request(
      'POST',
      `/api/coalitions/${seeded.coalitionId}/meetings`,
      { title: big, date: '2025-04-02' },
    )
    expectErrorShape(other, 413, 'too_large')
  })

  describe('refuses bad input and creates nothing', () => {
    const docx = (content: Uint8Array<ArrayBuffer> | string) => ({ name: 'minutes.docx', content })
    it.each([
      [
        'an unsupported file type',
        { file: { name: 'minutes.pdf', content: '%PDF-1.7' } },
        400,
        'unsupported_file',
      ],
      [
        'a file without extension',
        { file: { name: 'minutes', content: 'text' } },
        400,
        'unsupported_file',
      ],
      [
        'random bytes named .docx',
        { file: docx(new Uint8Array([7, 1, 200, 3, 99])) },
        400,
        'corrupt_file',
      ],
      [
        'a broken zip named .docx',
        { file: docx(new Uint8Array([0x50, 0x4b, 3, 4, 20, 0, 0, 0, 1, 2])) },
        400,
        'corrupt_file',
      ],
      [
        'a binary file named .txt',
        { file: { name: 'minutes.txt', content: new Uint8Array([0, 1, 2, 0]) } },
        400,
        'corrupt_file',
      ],
      ['an empty file', { file: { name: 'minutes.md', content: '' } }, 400, 'empty_minutes'],
      [
        'a file of blank lines',
        { file: { name: 'minutes.txt', content: '\n  \n\t\n' } },
        400,
        'empty_minutes',
      ],
      ['neither file nor text', {}, 400, 'invalid_request'],
      [
        'both file and text',
        { file: { name: 'a.txt', content: 'A' }, text: 'B', title: 'T' },
        400,
        'invalid_request',
      ],
      [
        'pasted text with no title or heading',
        { text: 'Notes of the call' },
        400,
        'invalid_request',
      ],
      ['a title too long', { text: 'Notes', title: 'x'.repeat(201) }, 400, 'invalid_request'],
      [
        'a file over MAX_IMPORT_BYTES',
        { file: { name: 'huge.txt', content: 'x'.repeat(MAX_IMPORT_BYTES + 1) } },
        413,
        'too_large',
      ],
    ] as const)('%s', async (_, fields, status, code) => {
      const before = await meetingIds()
      const answer = await importMinutes(seeded.chair, { date: '2025-03-04', ...fields })
      expectErrorShape(answer, status, code)
      expect(await meetingIds()).toEqual(before)
    })

    it.each([
      ['a missing date', {}],
      ['a bad date', { date: '2025-02-30' }],
      ['a date not in YYYY-MM-DD', { date: '4 March 2025' }],
    ])('%s', async (_, fields) => {
      const before = await meetingIds()
      const answer = await importMinutes(seeded.chair, {
        file: { name: 'pay-campaign.txt', content: sample('pay-campaign.txt') },
        ...fields,
      })
      expectErrorShape(answer, 400, 'invalid_request')
      expect(answer.body.error.message).toMatch(/^date: /)
      expect(await meetingIds()).toEqual(before)
    })

    it('a JSON body instead of a form', async () => {
      const answer = await seeded.chair.request(
        'POST',
        `/api/coalitions/${seeded.coalitionId}/meetings/import`,
        { text: 'Notes', title: 'Call', date: '2025-03-04' },
      )
      expectErrorShape(answer, 400, 'invalid_request')
    })
  })

  it('is for the chair and secretariat: 403 for other roles, 404 outside, 401 signed out', async () => {
    const before = await meetingIds()
    const fields = { text: 'Notes of the call', title: 'Call', date: '2025-03-04' }
    expectErrorShape(await importMinutes(seeded.member, fields), 403, 'forbidden')
    expectErrorShape(await importMinutes(seeded.observer, fields), 403, 'forbidden')
    expectErrorShape(await importMinutes(seeded.outsider, fields), 404, 'not_found')
    const { AccordClient } = await import('../testing/accord-client.ts')
    expectErrorShape(
      await importMinutes(new AccordClient(server.url), fields),
      401,
      'unauthenticated',
    )
    expect(await meetingIds()).toEqual(before)
  })
})
