/**
 * What the audit log records of people's actions, read from the lines a real server writes to
 * its pino logger while a coalition is changed over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedCoalition, type SeededCoalition } from '../testing/accord-client.ts'
import { expectErrorShape } from '../testing/expect-error.ts'
import { captureLog } from '../testing/log-capture.ts'
import { startTestServer, type TestServer } from '../testing/test-server.ts'

const log = captureLog()
let s: TestServer
let seeded: SeededCoalition

beforeAll(async () => {
  s = await startTestServer({ RATE_INVITES_PER_ADDRESS: '1000' }, log.logger)
  seeded = await seedCoalition(s.url)
})
afterAll(() => s?.close())

const memberPath = (personId: string) => `/api/coalitions/${seeded.coalitionId}/members/${personId}`

describe('the audit log', () => {
  it('records a role change: who changed whose role, from what to what', async () => {
    const { chair, ids, coalitionId } = seeded
    await chair.expect(200, 'PATCH', memberPath(ids.member), { role: 'observer' })
    expect(log.audit('role_changed')).toEqual([
      expect.objectContaining({
        msg: 'role changed',
        personId: ids.chair,
        coalitionId,
        memberId: ids.member,
        from: 'member',
        to: 'observer',
      }),
    ])
    // Moving someone to another organisation changes no role, and is not a role change.
    await chair.expect(200, 'PATCH', memberPath(ids.member), {
      organisationId: seeded.organisations.fpct,
    })
    expect(log.audit('role_changed')).toHaveLength(1)
  })

  it('records a removal and someone leaving, each with the role they had', async () => {
    const { chair, observer, ids, coalitionId } = seeded
    await chair.expect(204, 'DELETE', memberPath(ids.member))
    await observer.expect(204, 'DELETE', memberPath(ids.observer))
    expect(log.audit('member_removed')).toEqual([
      expect.objectContaining({
        msg: 'member removed',
        personId: ids.chair,
        coalitionId,
        memberId: ids.member,
        role: 'observer',
        left: false,
      }),
      expect.objectContaining({ personId: ids.observer, memberId: ids.observer, left: true }),
    ])
  })

  it('records approving and reopening the minutes', async () => {
    const { chair, ids, coalitionId, meetingId } = seeded
    await chair.expect(200, 'POST', `/api/meetings/${meetingId}/approve`)
    await chair.expect(200, 'POST', `/api/meetings/${meetingId}/reopen`)
    expect(log.audit('meeting_approved')).toEqual([
      expect.objectContaining({
        msg: 'meeting approved',
        personId: ids.chair,
        coalitionId,
        meetingId,
      }),
    ])
    expect(log.audit('meeting_reopened')).toEqual([
      expect.objectContaining({ personId: ids.chair, coalitionId, meetingId }),
    ])
  })

  it('records nothing for what was refused', async () => {
    const { secretariat, meetingId, ids } = seeded
    const before = log.audit().length
    expectErrorShape(
      await secretariat.request('POST', `/api/meetings/${meetingId}/approve`),
      403,
      'forbidden',
    )
    expectErrorShape(
      await secretariat.request('PATCH', memberPath(ids.chair), { role: 'member' }),
      403,
      'forbidden',
    )
    expect(log.audit()).toHaveLength(before)
  })
})
