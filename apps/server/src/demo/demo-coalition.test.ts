import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readMinutes } from '@accord/minutes'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  DEFAULT_SAMPLES_DIR,
  demoEmail,
  findAttendance,
  loadDemoCoalition,
  type DemoMeeting,
} from './demo-coalition.ts'

function minutesText(meeting: DemoMeeting): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, meeting.update)
  return readMinutes(doc).text
}

describe('loadDemoCoalition', () => {
  const demo = loadDemoCoalition()

  it('is the Northshire Care Coalition with its nine organisations', () => {
    expect(demo.name).toBe('Northshire Care Coalition')
    expect(demo.organisations).toHaveLength(9)
    expect(demo.organisations.map((o) => o.shortName)).toEqual([
      'ALC',
      'FPCT',
      'HCPF',
      'DPV',
      'CNN',
      'PSWN',
      'RCA',
      'VFC',
      'NC',
    ])
    expect(demo.organisations[0]).toEqual({
      name: 'Association of Local Councils',
      shortName: 'ALC',
      aliases: ["the councils' association"],
    })
    expect(demo.organisations.find((o) => o.shortName === 'DPV')?.aliases).toEqual([])
    expect(demo.organisations.find((o) => o.shortName === 'CNN')).toMatchObject({
      name: 'Carers Network Northshire',
      aliases: ['Carers Network'],
    })
  })

  it('has six people, each with an address and their organisation', () => {
    expect(demo.people).toHaveLength(6)
    expect(demo.people[0]).toEqual({
      name: 'Priya',
      email: 'priya@northshire.example',
      organisationName: 'Residential Care Alliance',
    })
    expect(new Set(demo.people.map((p) => p.email)).size).toBe(6)
    const names = new Set(demo.organisations.map((o) => o.name))
    expect(demo.people.every((p) => names.has(p.organisationName))).toBe(true)
  })

  it('has the three sample meetings, oldest first, dated from the gold files', () => {
    expect(demo.meetings.map(({ title, date, file }) => ({ title, date, file }))).toEqual([
      { title: 'Care Workforce Pay Campaign', date: '2024-11-12', file: 'pay-campaign.txt' },
      {
        title: 'Mental Health Act Reform Alliance – minutes',
        date: '2025-01-21',
        file: 'reform-alliance.md',
      },
      {
        title: 'Northshire Care Coalition – fortnightly call',
        date: '2025-03-04',
        file: 'fortnightly-call.md',
      },
    ])
  })

  it("takes attendance from each meeting's Present/Attendees/Attending line", () => {
    expect(Object.fromEntries(demo.meetings.map((m) => [m.file, m.attendingShortNames]))).toEqual({
      'pay-campaign.txt': ['FPCT', 'HCPF', 'RCA', 'NC', 'VFC', 'CNN'],
      'reform-alliance.md': ['PSWN', 'DPV', 'ALC', 'CNN', 'RCA'],
      'fortnightly-call.md': ['ALC', 'FPCT', 'HCPF', 'DPV', 'CNN', 'RCA', 'PSWN'],
    })
  })

  it("holds each meeting's minutes in its Yjs update", () => {
    const [pay, reform, call] = demo.meetings.map(minutesText)
    expect(call).toContain(
      'ALC will analyse the budget for its impact on council adult social care budgets',
    )
    expect(pay).toContain('Priya will send the RCA figures to Sam this week.')
    expect(reform).toContain('Draft the case-study pack on crisis houses – ALC – end of February')
    for (const meeting of demo.meetings) expect(meeting.update).toBeInstanceOf(Uint8Array)
  })
})

describe('findAttendance', () => {
  const organisations = loadDemoCoalition().organisations

  it('matches names, short names and aliases case-insensitively, longest first', () => {
    expect(
      findAttendance(
        'Notes\nPresent: carers network northshire, the Councils’ Association, dpv (Hannah)\n',
        organisations,
      ),
    ).toEqual(['CNN', 'ALC', 'DPV'])
  })

  it('reads only the attendance line, and finds none without one', () => {
    expect(findAttendance('ALC and RCA discussed pay.\nApologies: DPV', organisations)).toEqual([])
    expect(findAttendance('Present: ALCX, RCA\nALC spoke.', organisations)).toEqual(['RCA'])
  })
})

describe('demoEmail', () => {
  it('makes an address from a name', () => {
    expect(demoEmail('Priya')).toBe('priya@northshire.example')
    expect(demoEmail('Zoë O’Neill')).toBe('zoe.o.neill@northshire.example')
  })
})

describe('the samples', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  function copyOfSamples(): string {
    dir = mkdtempSync(join(tmpdir(), 'accord-demo-'))
    cpSync(DEFAULT_SAMPLES_DIR, dir, { recursive: true })
    return dir
  }

  it('name organisations.json when it is malformed', () => {
    const samples = copyOfSamples()
    const file = join(samples, 'organisations.json')
    const json = JSON.parse(readFileSync(file, 'utf8'))
    json.organisations[1].short = ''
    json.people[0].organisation = 'Nobody In Particular'
    writeFileSync(file, JSON.stringify(json))
    expect(() => loadDemoCoalition(samples)).toThrow(/organisations\.json is malformed/)
    expect(() => loadDemoCoalition(samples)).toThrow(/organisations\[1\]\.short/)
    expect(() => loadDemoCoalition(samples)).toThrow(/"Nobody In Particular" is not one of/)

    writeFileSync(file, '{ "coalition": ')
    expect(() => loadDemoCoalition(samples)).toThrow(
      /organisations\.json could not be read as JSON/,
    )
  })

  it('name a gold file whose meeting date is not a date', () => {
    const samples = copyOfSamples()
    writeFileSync(join(samples, 'pay-campaign.gold.json'), '{ "meetingDate": "12 November" }')
    expect(() => loadDemoCoalition(samples)).toThrow(
      /pay-campaign\.gold\.json is malformed[\s\S]*meetingDate must be a calendar date/,
    )
  })
})
