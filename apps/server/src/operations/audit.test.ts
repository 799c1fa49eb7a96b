import { describe, expect, it } from 'vitest'
import { captureLog } from '../testing/log-capture.ts'
import { auditLog } from './audit.ts'

describe('auditLog', () => {
  it('writes one structured line per event, marked as audit', () => {
    const { lines, logger } = captureLog()
    auditLog(logger)('sign_in_failed', { email: 'ada@example.org', address: '127.0.0.9' })
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({
      audit: true,
      event: 'sign_in_failed',
      email: 'ada@example.org',
      address: '127.0.0.9',
      msg: 'sign-in failed',
    })
  })

  it('is written even when LOG_LEVEL hides info lines, as with warn or error', () => {
    for (const level of ['warn', 'error'] as const) {
      const { lines, logger } = captureLog(level)
      logger.info('hidden')
      auditLog(logger)('role_changed', {
        personId: 'p',
        memberId: 'm',
        from: 'member',
        to: 'chair',
      })
      expect(lines).toEqual([expect.objectContaining({ audit: true, event: 'role_changed' })])
    }
  })

  it('is silent with LOG_LEVEL=silent, which asks for no log at all', () => {
    const { lines, logger } = captureLog('silent')
    auditLog(logger)('meeting_approved', { personId: 'p', meetingId: 'm' })
    expect(lines).toEqual([])
  })
})
