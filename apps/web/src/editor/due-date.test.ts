import { describe, expect, it } from 'vitest'
import { dueFromText, formatDue } from './due-date.ts'

describe('dueFromText', () => {
  it('resolves date words against the meeting and keeps them as typed', () => {
    expect(dueFromText(' Friday ', '2025-03-24')).toEqual({ due: '2025-03-28', dueText: 'Friday' })
  })

  it('keeps words that are not a date, with no date, to be flagged', () => {
    expect(dueFromText('when funds allow', '2025-03-24')).toEqual({
      due: null,
      dueText: 'when funds allow',
    })
  })

  it('clears the date for empty input', () => {
    expect(dueFromText('  ', '2025-03-24')).toEqual({ due: null, dueText: null })
  })

  it('formats a calendar date without shifting the day', () => {
    expect(formatDue('2025-03-28')).toBe('Fri 28 Mar')
  })
})
