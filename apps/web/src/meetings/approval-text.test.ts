import type { MinutesVersion } from '@accord/minutes/meeting'
import { describe, expect, it } from 'vitest'
import { currentApproval } from './approval-text.ts'

function version(kind: MinutesVersion['kind'], at: string, id = at): MinutesVersion {
  return { id, meetingId: 'm1', kind, personId: 'p1', personName: 'Owen', at }
}

describe('currentApproval', () => {
  it('is none for minutes never approved', () => {
    expect(currentApproval([])).toBeNull()
  })

  it('is the latest approval, whatever order the list comes in', () => {
    const first = version('approved', '2025-03-04T10:00:00.000Z')
    const reopened = version('reopened', '2025-03-05T10:00:00.000Z')
    const second = version('approved', '2025-03-06T10:00:00.000Z')
    expect(currentApproval([second, first, reopened])).toBe(second)
    expect(currentApproval([first, reopened, second])).toBe(second)
  })

  it('is none once the minutes were reopened after their last approval', () => {
    const approved = version('approved', '2025-03-04T10:00:00.000Z')
    const reopened = version('reopened', '2025-03-05T10:00:00.000Z')
    expect(currentApproval([reopened, approved])).toBeNull()
  })

  it('takes the later of two versions in the same millisecond as listed', () => {
    const approved = version('approved', '2025-03-04T10:00:00.000Z', 'a')
    const reopened = version('reopened', '2025-03-04T10:00:00.000Z', 'b')
    expect(currentApproval([approved, reopened])).toBeNull()
  })
})
