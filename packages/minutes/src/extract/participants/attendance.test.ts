import { describe, expect, it } from 'vitest'
import { createOwnerMatcher } from '../owners/matcher.ts'
import { readAttendance, type AttendanceBlock } from './attendance.ts'

const matcher = createOwnerMatcher({
  organisations: [
    { id: 'rfb', name: 'Riverside Food Bank', shortName: 'RFB', aliases: [] },
    { id: 'tur', name: 'Tenants Union of Riverside', shortName: 'TUR', aliases: [] },
    { id: 'acr', name: 'Age Concern Riverside', shortName: 'ACR', aliases: [] },
    { id: 'rbc', name: 'Riverside Borough Council', shortName: 'RBC', aliases: [] },
  ],
  people: [],
})
const organisationsIn = (text: string) =>
  matcher.entities(text).filter((e) => e.kind === 'organisation')

const paragraphs = (...lines: string[]): AttendanceBlock[] =>
  lines.map((text) => ({ kind: 'paragraph', level: null, text }))

const read = (blocks: AttendanceBlock[]) =>
  readAttendance(blocks, organisationsIn).attendees.map((a) => [
    a.name,
    a.organisationIds.join('+'),
    a.present ? 'present' : 'absent',
    ...a.initials,
  ])

describe('readAttendance', () => {
  it('reads "Name – Org" lines under "Present:" and "Name (Org)" apologies', () => {
    expect(
      read(
        paragraphs(
          'Present:',
          'Joan Ashby – Riverside Food Bank',
          'Cllr Omar Haddad - Housing portfolio, RBC',
          'Apologies: Li Wei (ACR); Tom Baines (TUR)',
          '1. Welcome',
          'Sam Porter – TUR',
        ),
      ),
    ).toEqual([
      ['Joan Ashby', 'rfb', 'present'],
      ['Cllr Omar Haddad', 'rbc', 'present'],
      ['Li Wei', 'acr', 'absent'],
      ['Tom Baines', 'tur', 'absent'],
    ])
  })

  it('reads initials written beside a name, and organisations with the person in brackets', () => {
    expect(
      read(paragraphs('Attendees: Joan Ashby – RFB – (JA), TUR (Maya), Dev Rao, ACR')),
    ).toEqual([
      ['Joan Ashby', 'rfb', 'present', 'JA'],
      ['Maya', 'tur', 'present'],
      ['Dev Rao', 'acr', 'present'],
    ])
  })

  it('gives a group of names the organisation in brackets after them', () => {
    expect(
      read(
        paragraphs(
          'In attendance: Ann Lee, Bo Diaz and Cy Park (Riverside Food Bank). Ed Moss (TUR).',
        ),
      ),
    ).toEqual([
      ['Ann Lee', 'rfb', 'present'],
      ['Bo Diaz', 'rfb', 'present'],
      ['Cy Park', 'rfb', 'present'],
      ['Ed Moss', 'tur', 'present'],
    ])
  })

  it('reads table rows, flattened rows and a name with its organisation on the next line', () => {
    expect(
      read(
        paragraphs(
          'Attendance',
          'Name | Organisation | Initials',
          'Joan Ashby | Riverside Food Bank | JA',
          'Li Wei / Age Concern Riverside / X',
          'Tom Baines |',
          'Tenants Union of Riverside |',
        ),
      ),
    ).toEqual([
      ['Joan Ashby', 'rfb', 'present', 'JA'],
      ['Li Wei', 'acr', 'present'],
      ['Tom Baines', 'tur', 'present'],
    ])
  })

  it('groups names under an organisation of their own line, and reads checkboxes', () => {
    const blocks: AttendanceBlock[] = [
      { kind: 'heading', level: 2, text: 'Attendance' },
      { kind: 'paragraph', level: null, text: 'Riverside Food Bank' },
      { kind: 'listItem', level: null, text: 'Joan Ashby' },
      { kind: 'listItem', level: null, text: 'Pat Kerr' },
      { kind: 'heading', level: 3, text: 'Voting members' },
      { kind: 'listItem', level: null, text: '[x] Li Wei - Chair, ACR' },
      { kind: 'listItem', level: null, text: '[ ] Tom Baines - TUR' },
      { kind: 'heading', level: 2, text: 'Agenda' },
      { kind: 'listItem', level: null, text: 'Zed Ray - TUR' },
    ]
    expect(read(blocks)).toEqual([
      ['Joan Ashby', 'rfb', 'present'],
      ['Pat Kerr', 'rfb', 'present'],
      ['Li Wei', 'acr', 'present'],
      ['Tom Baines', 'tur', 'absent'],
    ])
  })

  it('finds "Present:" in a run-on paragraph and stops at the first numbered item', () => {
    const attendance = readAttendance(
      paragraphs(
        'Board meeting 3 May Present: Joan Ashby, Riverside Food Bank Li Wei, ACR Apologies None 1. Minutes of the last meeting were agreed.',
      ),
      organisationsIn,
    )
    expect(attendance.attendees.map((a) => [a.name, a.organisationIds])).toEqual([
      ['Joan Ashby', ['rfb']],
      ['Li Wei', ['acr']],
    ])
    expect(attendance.organisationsPresent.sort()).toEqual(['acr', 'rfb'])
  })

  it('lists organisations present without people', () => {
    const attendance = readAttendance(
      paragraphs('Present: RFB, Tenants Union of Riverside', 'Apologies: ACR'),
      organisationsIn,
    )
    expect(attendance.organisationsPresent.sort()).toEqual(['rfb', 'tur'])
  })

  it('reads handles beside a name: "@handle" or a table cell of one identifier', () => {
    const attendance = readAttendance(
      paragraphs('Attendance', 'x | Joan Ashby (RFB) | she/her | jashby', 'Li Wei – ACR – @liwei'),
      organisationsIn,
    )
    expect(attendance.attendees.map((a) => [a.name, a.handles])).toEqual([
      ['Joan Ashby', ['jashby']],
      ['Li Wei', ['liwei']],
    ])
  })
})
