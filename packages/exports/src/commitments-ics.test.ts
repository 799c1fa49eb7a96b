import ICAL from 'ical.js'
import { isOutstanding } from '@accord/minutes/ledger'
import { describe, expect, it } from 'vitest'
import { commitmentsOf } from './commitments.ts'
import { commitmentsIcs, truncate } from './commitments-ics.ts'
import { ledgerFixture, TODAY } from './testing/ledger-fixture.ts'

function calendar(ics: string) {
  return new ICAL.Component(ICAL.parse(ics) as unknown[])
}

describe('commitmentsIcs', () => {
  const ledger = ledgerFixture()
  const alc = commitmentsOf(ledger, 'alc', TODAY)
  const ics = commitmentsIcs(alc, { origin: 'https://accord.example.org' })
  const events = calendar(ics).getAllSubcomponents('vevent')

  it('has one all-day event per open or in-progress action with a due date', () => {
    const dated = alc.rows.filter((row) => isOutstanding(row) && row.due !== null)
    expect(events).toHaveLength(dated.length)
    expect(events.map((event) => event.getFirstPropertyValue('uid'))).toEqual(
      dated.map((row) => `${row.key}@accord`),
    )
    for (const [i, event] of events.entries()) {
      const start = event.getFirstPropertyValue('dtstart') as ICAL.Time
      expect(start.isDate).toBe(true)
      expect(start.toString()).toBe(dated[i]!.due)
    }
  })

  it('names the calendar and the events, and links back', () => {
    expect(calendar(ics).getFirstPropertyValue('x-wr-calname')).toBe(
      'Aotearoa Land Collective commitments',
    )
    const letter = events.find((event) => event.getFirstPropertyValue('uid') === 'a-letter@accord')!
    expect(letter.getFirstPropertyValue('summary')).toBe('ALC: Circulate the draft joint letter')
    expect(letter.getFirstPropertyValue('description')).toContain(
      'Minuted in Planning day in Ōtautahi, 1 Dec 2026.',
    )
    expect(letter.getFirstPropertyValue('url')).toBe(
      'https://accord.example.org/meetings/m-dec#action-a-letter',
    )
    const relative = calendar(commitmentsIcs(alc)).getAllSubcomponents('vevent')
    expect(relative[0]!.getFirstPropertyValue('url')).toBeNull()
  })

  it('keeps the event of a proposed date, but tentative and saying it is proposed', () => {
    const event = (uid: string) =>
      events.find((candidate) => candidate.getFirstPropertyValue('uid') === uid)!
    const socials = event('a-socials@accord')
    expect((socials.getFirstPropertyValue('dtstart') as ICAL.Time).toString()).toBe('2026-12-10')
    expect(socials.getFirstPropertyValue('summary')).toBe(
      'ALC: (proposed date) @mention the council on socials',
    )
    expect(socials.getFirstPropertyValue('status')).toBe('TENTATIVE')
    expect(socials.getFirstPropertyValue('description')).toContain(
      "Proposed date: read from the action's words (“by Thursday”), not yet confirmed.",
    )
    // A set date is firm, said outright, so confirming a proposal turns TENTATIVE into this.
    const budget = event('a-budget@accord')
    expect(budget.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(budget.getFirstPropertyValue('summary')).toBe('ALC: =SUM(A1) the budget lines')
    expect(budget.getFirstPropertyValue('description')).not.toContain('roposed')
  })

  it('says in the description when the owners were only read from the words', () => {
    const letter = events.find((event) => event.getFirstPropertyValue('uid') === 'a-letter@accord')!
    const description = letter.getFirstPropertyValue('description') as string
    expect(description).toContain(
      'Owners: ALC, CN (proposed).\nAssigned to Aroha Ngata (proposed).',
    )
    expect(description).not.toContain('Shared with')
    // Its date is set on the node: the event is as firm as any.
    expect(letter.getFirstPropertyValue('status')).toBe('CONFIRMED')
  })

  it('keeps "(proposed date)" in a title shortened to fit', () => {
    const long = 'Write to every councillor about the bus network '.repeat(5).trim()
    const socials = ledger.actions.find((action) => action.key === 'a-socials')!
    const rows = commitmentsOf({ ...ledger, actions: [{ ...socials, text: long }] }, 'alc', TODAY)
    const [event] = calendar(commitmentsIcs(rows)).getAllSubcomponents('vevent')
    const summary = event!.getFirstPropertyValue('summary') as string
    expect(summary.startsWith('ALC: (proposed date) Write to every')).toBe(true)
    expect(summary.endsWith('…')).toBe(true)
  })

  it('is the same for the same ledger and day', () => {
    expect(commitmentsIcs(alc)).toBe(commitmentsIcs(commitmentsOf(ledgerFixture(), 'alc', TODAY)))
  })

  it('is a valid empty calendar when nothing is due', () => {
    const none = commitmentsOf({ ...ledger, actions: [] }, 'alc', TODAY)
    const empty = calendar(commitmentsIcs(none))
    expect(empty.name).toBe('vcalendar')
    expect(empty.getAllSubcomponents('vevent')).toEqual([])
  })

  it('shortens long titles at a word and keeps the whole text in the description', () => {
    const long = 'Write to every councillor about the bus network '.repeat(5).trim()
    const action = { ...ledger.actions[1]!, text: long }
    const rows = commitmentsOf({ ...ledger, actions: [action] }, 'alc', TODAY)
    const [event] = calendar(commitmentsIcs(rows)).getAllSubcomponents('vevent')
    const summary = event!.getFirstPropertyValue('summary') as string
    expect([...summary].length).toBeLessThanOrEqual(100)
    expect(summary.endsWith(' bus…') || summary.endsWith('…')).toBe(true)
    expect(event!.getFirstPropertyValue('description')).toContain(long)
    expect(truncate('short', 10)).toBe('short')
  })
})
