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
})
