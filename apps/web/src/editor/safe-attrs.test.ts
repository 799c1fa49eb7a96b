import { describe, expect, it } from 'vitest'
import { formatDue } from './due-date.ts'
import { actionAttrs, askAttrs, isCalendarDate } from './safe-attrs.ts'

describe('attributes from other members’ updates', () => {
  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2025-03-07')).toBe(true)
    for (const bad of ['2025-13-45', '2025-02-30', '07/03/2025', 20250307, null, {}]) {
      expect(isCalendarDate(bad)).toBe(false)
    }
  })

  it('turns malformed action and ask attributes into safe ones', () => {
    expect(
      actionAttrs({ id: 'a', owners: 'alc', due: '2025-13-45', dueText: { x: 1 }, status: 'x' }),
    ).toMatchObject({ owners: [], due: null, dueText: null, status: 'open' })
    expect(actionAttrs({ id: 'a', owners: ['alc', 3], due: '2025-03-07' })).toMatchObject({
      owners: ['alc'],
      due: '2025-03-07',
    })
    expect(askAttrs({ id: 'k', target: 42, supporters: null })).toMatchObject({
      target: null,
      supporters: [],
    })
  })

  it('shows a date Intl cannot format as it came, instead of throwing', () => {
    expect(formatDue('2025-13-45')).toBe('2025-13-45')
  })
})
