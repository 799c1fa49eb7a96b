import { describe, expect, it } from 'vitest'
import { dueBucket, endOfWeek, formatDue } from './due.ts'

// 2026-11-23 is a Monday.
const MONDAY = '2026-11-23'

describe('endOfWeek', () => {
  it('is the Sunday of the Monday-to-Sunday week', () => {
    expect(endOfWeek(MONDAY)).toBe('2026-11-29')
    expect(endOfWeek('2026-11-27')).toBe('2026-11-29')
    expect(endOfWeek('2026-11-29')).toBe('2026-11-29')
  })

  it('crosses months and years', () => {
    expect(endOfWeek('2026-12-30')).toBe('2027-01-03')
    expect(endOfWeek('2024-02-27')).toBe('2024-03-03')
  })
})

describe('dueBucket', () => {
  const open = (due: string | null) => ({ status: 'open' as const, due })

  it('has no date when none is given', () => {
    expect(dueBucket(open(null), MONDAY)).toBe('none')
    expect(dueBucket({ status: 'done', due: null }, MONDAY)).toBe('none')
  })

  it('is overdue when still to be done and due before today', () => {
    expect(dueBucket(open('2026-11-22'), MONDAY)).toBe('overdue')
    expect(dueBucket({ status: 'in_progress', due: '2025-01-01' }, MONDAY)).toBe('overdue')
  })

  it('is never overdue once done or dropped', () => {
    expect(dueBucket({ status: 'done', due: '2026-11-22' }, MONDAY)).toBe('other')
    expect(dueBucket({ status: 'dropped', due: '2026-11-22' }, MONDAY)).toBe('other')
  })

  it('is this week from today to Sunday', () => {
    expect(dueBucket(open(MONDAY), MONDAY)).toBe('this-week')
    expect(dueBucket(open('2026-11-29'), MONDAY)).toBe('this-week')
    expect(dueBucket(open('2026-11-30'), MONDAY)).toBe('other')
    // On a Saturday only the weekend is left of the week.
    expect(dueBucket(open('2026-11-29'), '2026-11-28')).toBe('this-week')
    expect(dueBucket(open('2026-11-30'), '2026-11-28')).toBe('other')
  })
})

describe('formatDue', () => {
  it('formats a calendar date in British English without shifting the day', () => {
    expect(formatDue('2025-03-07')).toBe('7 Mar 2025')
  })

  it('says when there is no date', () => {
    expect(formatDue(null)).toBe('no date')
  })
})
