import { Writable } from 'node:stream'
import pino from 'pino'
import { describe, expect, it } from 'vitest'
import { auditLog } from './audit.ts'

function capture() {
  const lines: Record<string, unknown>[] = []
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>)
      done()
    },
  })
  return { lines, logger: pino({ level: 'info' }, stream) }
}

describe('auditLog', () => {
  it('writes one structured line per event, marked as audit', () => {
    const { lines, logger } = capture()
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
