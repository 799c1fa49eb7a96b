import { describe, expect, it } from 'vitest'
import { resolveDue } from './resolve-due.ts'

// 2025-06-10 is a Tuesday.
const meeting = '2025-06-10'
const due = (text: string, hints = {}) => resolveDue(text, meeting, hints)

describe('resolveDue', () => {
  it.each([
    ['send the leaflet by Thursday', '2025-06-12', 'Thursday'],
    ['book the hall for Monday', '2025-06-16', 'Monday'],
    // "next <weekday>" is that day in next week (chrono's reading, and the usual British one).
    ['report back next Wednesday', '2025-06-18', 'next Wednesday'],
    ['report back next Monday', '2025-06-16', 'next Monday'],
    ['finish the survey by Friday 27 June', '2025-06-27', 'Friday 27 June'],
    ['submit evidence by 3 July', '2025-07-03', '3 July'],
    ['draft it by the 25th', '2025-06-25', 'the 25th'],
    ['draft it by the 2nd', '2025-07-02', 'the 2nd'],
    ['print the flyers this week', '2025-06-13', 'this week'],
    ['print the flyers by the end of the week', '2025-06-13', 'the end of the week'],
    ['print the flyers next week', '2025-06-17', 'next week'],
    ['print the flyers by the end of next week', '2025-06-20', 'the end of next week'],
    ['collect quotes by the end of the month', '2025-06-30', 'end of the month'],
    ['collect quotes by the end of September', '2025-09-30', 'end of September'],
    ['collect quotes by mid-August', '2025-08-15', 'mid-August'],
    ['hand out gifts before Christmas', '2025-12-24', 'before Christmas'],
    ['reply within a fortnight', '2025-06-24', 'within a fortnight'],
  ])('"%s" → %s', (text, date, words) => {
    expect(due(text)).toEqual({ due: date, dueText: words })
  })

  it('reads a month or a day-of-month in the past as the next one', () => {
    expect(due('by 2 June').due).toBe('2026-06-02')
    expect(due('end of February').due).toBe('2026-02-28')
    expect(resolveDue('end of February', '2027-11-01').due).toBe('2028-02-29')
  })

  it('reads "the July meeting" as the next one when the next meeting is in July', () => {
    expect(due('report back at the July meeting', { nextMeeting: '2025-07-08' }).due).toBe(
      '2025-07-08',
    )
    expect(due('report back at the July meeting', { nextMeeting: '2025-08-05' }).due).toBeNull()
  })

  it('takes the next meeting from the text, else from the hints, else leaves it open', () => {
    expect(due('bring it to the next meeting (1 July)')).toEqual({
      due: '2025-07-01',
      dueText: 'the next meeting (1 July)',
    })
    expect(due('report at the next call', { nextMeeting: '2025-06-24' }).due).toBe('2025-06-24')
    expect(due('report at the next call')).toEqual({ due: null, dueText: 'the next call' })
  })

  it('keeps date words it cannot resolve as text', () => {
    expect(due('leaflet the estate on polling day')).toEqual({ due: null, dueText: 'polling day' })
    expect(due('publish before the Autumn Statement')).toEqual({
      due: null,
      dueText: 'before the Autumn Statement',
    })
  })

  it('prefers the date after "by" when a sentence has several', () => {
    expect(due('after the rally on 14 June, circulate photos by 20 June').due).toBe('2025-06-20')
  })

  it('finds nothing in a sentence without dates, and never throws', () => {
    expect(due('agree a message on rents')).toEqual({ due: null, dueText: null })
    expect(due('at 3pm')).toEqual({ due: null, dueText: null })
    expect(resolveDue('by Friday', 'not a date')).toEqual({ due: null, dueText: null })
    expect(resolveDue('\u0000'.repeat(50) + ' by Friday', meeting).due).toBe('2025-06-13')
  })
})

describe('meetings named by month, and fortnights', () => {
  it('takes the date written after "the <month> meeting"', () => {
    expect(
      resolveDue('Draft a note before the October meeting (2 October).', '2026-09-10'),
    ).toEqual({
      due: '2026-10-02',
      dueText: 'the October meeting (2 October)',
    })
  })

  it('leaves "the <month> meeting" undated without a date, even when the next meeting is known', () => {
    expect(
      resolveDue('Report back at the October meeting.', '2026-09-10', {
        nextMeeting: '2026-09-24',
      }),
    ).toEqual({ due: null, dueText: 'the October meeting' })
  })

  it('reads "over the next fortnight" as two weeks on', () => {
    expect(resolveDue('Survey tenants over the next fortnight.', '2026-09-10').due).toBe(
      '2026-09-24',
    )
  })
})
