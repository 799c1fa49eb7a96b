import fs from 'node:fs'
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
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedCoalition, type AccordClient, type SeededCoalition } from '../testing/accord-client.ts'
import { expectErrorShape } from '../testing/expect-error.ts'
import { holdImport, postImport, type ImportField } from '../testing/import-upload.ts'
import { captureLog } from '../testing/log-capture.ts'
import { lyingDocx } from '../testing/lying-docx.ts'
import { startTestServer, type TestServer } from '../testing/test-server.ts'

const MAX_IMPORT_BYTES = 256 * 1024
const samplesDir = new URL('../demo/samples/', import.meta.url)
const sample = (file: string) => new Uint8Array(fs.readFileSync(new URL(file, samplesDir)))

let server: TestServer
let seeded: SeededCoalition
const log = captureLog()

beforeAll(async () => {
  server = await startTestServer(
    {
      MAX_IMPORT_BYTES: String(MAX_IMPORT_BYTES),
      // One import at a time on the whole server, so the test of the limit needs two people.
      MAX_IMPORTS_AT_ONCE: '1',
    },
    log.logger,
  )
  seeded = await seedCoalition(server.url)
})

afterAll(() => server.close())

/** Posts the import form as a browser would: multipart, with the person's session cookie. */
const importMinutes = (
  person: AccordClient,
  fields: Record<string, ImportField>,
  coalitionId = seeded.coalitionId,
) => postImport(person, coalitionId, fields)

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

/** Every byte value but NUL, in an order no text has: how a picture or an archive looks. */
function binaryWithoutNul(): Uint8Array<ArrayBuffer> {
  return Uint8Array.from({ length: 4096 }, (_, i) => 1 + ((i * 7919) % 255))
}

/** `text` in UTF-16 with its byte-order mark, little- or big-endian, as Windows tools save it. */
function utf16(order: 'le' | 'be', text: string): Uint8Array<ArrayBuffer> {
  const bytes = Buffer.from(`\uFEFF${text}`, 'utf16le')
  if (order === 'be') bytes.swap16()
  return new Uint8Array(bytes)
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

  it.each(['le', 'be'] as const)(
    'imports UTF-16 text with a byte-order mark (%s)',
    async (order) => {
      const answer = await importMinutes(seeded.chair, {
        file: {
          name: 'Notes – März.txt',
          content: utf16(order, 'Café budget call\n\nALC will write to the council – by Friday.'),
        },
        date: '2025-04-06',
      })
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
      expect((await minutesOf(answer.body.meeting.id)).text).toBe(
        'Café budget call\nALC will write to the council – by Friday.',
      )
    },
  )

  it('refuses a Word file that unpacks to far more than its zip says, creating nothing', async () => {
    // 200 MB of blank space in word/document.xml, declared as the few KB of the real one.
    const bomb = await lyingDocx(200 * 1024 * 1024)
    expect(bomb.length).toBeLessThan(MAX_IMPORT_BYTES)
    const before = await meetingIds()
    const answer = await importMinutes(seeded.secretariat, {
      file: { name: 'Budget call.docx', content: bomb },
      date: '2025-04-07',
    })
    expectErrorShape(answer, 400, 'file_too_complex')
    expect(answer.body.error.message).toMatch(
      /^This Word file \("Budget call\.docx"\) expands to more than 50 MB when unpacked/,
    )
    expect(await meetingIds()).toEqual(before)
    expect(log.audit('import_refused').at(-1)).toMatchObject({
      personId: seeded.ids.secretariat,
      coalitionId: seeded.coalitionId,
      status: 400,
      code: 'file_too_complex',
    })
  })

  it('runs one import per person and MAX_IMPORTS_AT_ONCE on the server, refusing the rest', async () => {
    const before = await meetingIds()
    const fields = { text: 'Notes of the held call.', date: '2025-04-08' }
    // Two uploads by one person, neither finished: whichever the server took first holds the
    // person's import; the other is refused at once, without waiting for its file.
    const first = holdImport(seeded.chair, seeded.coalitionId, fields)
    const second = holdImport(seeded.chair, seeded.coalitionId, fields)
    const firstRefused = await Promise.race([
      first.answer.then(() => true),
      second.answer.then(() => false),
    ])
    const [turnedAway, held] = firstRefused ? [first, second] : [second, first]
    const refused = await turnedAway.answer
    expectErrorShape(refused, 429, 'import_in_progress')
    expect(refused.body.error.message).toMatch(/already importing minutes/)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0)

    // Someone else past the server's limit (1 here) is told the server is busy.
    const other = holdImport(seeded.secretariat, seeded.coalitionId, fields)
    const busy = await other.answer
    expectErrorShape(busy, 503, 'imports_busy')
    expect(busy.body.error.message).toMatch(/try again in a few seconds/i)
    expect(Number(busy.headers.get('retry-after'))).toBeGreaterThan(0)
    expect(log.audit('import_refused').slice(-2)).toMatchObject([
      { personId: seeded.ids.chair, status: 429, code: 'import_in_progress' },
      { personId: seeded.ids.secretariat, status: 503, code: 'imports_busy' },
    ])
    expect(await meetingIds()).toEqual(before)

    held.finish()
    const done = await held.answer
    expect(done.status, JSON.stringify(done.body)).toBe(201)
    expect(await meetingIds()).toEqual([...before, done.body.meeting.id].sort())
    // Both are free again.
    const next = await importMinutes(seeded.secretariat, {
      text: 'Next.',
      title: 'Next',
      date: '2025-04-09',
    })
    expect(next.status, JSON.stringify(next.body)).toBe(201)
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
      [
        'a binary file without NUL bytes named .md',
        { file: { name: 'minutes.md', content: binaryWithoutNul() } },
        400,
        'corrupt_file',
      ],
      [
        'control characters that are valid UTF-8, named .txt',
        { file: { name: 'minutes.txt', content: 'Minutes\u0001\u0002\u0003\u0004\u0005\u0006' } },
        400,
        'corrupt_file',
      ],
      [
        'UTF-16 whose text is cut in half, named .txt',
        { file: { name: 'minutes.txt', content: utf16('le', 'Minutes').subarray(0, 7) } },
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
