import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pino from 'pino'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { loadConfig, type Config } from '../config.ts'
import { startServer, type RunningServer } from '../server.ts'
import { AccordClient, seedCoalition, type SeededCoalition } from '../testing/accord-client.ts'
import { rawWriter, type RawWriter } from './testing/raw-writer.ts'

let server: RunningServer
let config: Config
let dataDir: string
let seed: SeededCoalition
const writers: RawWriter[] = []

beforeEach(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-lifecycle-'))
  config = loadConfig({ PORT: '0', DATA_DIR: dataDir })
  server = await startServer(config, pino({ level: 'silent' }))
  seed = await seedCoalition(server.url)
})

afterEach(async () => {
  for (const writer of writers.splice(0)) writer.close()
  await server.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

async function writer(person: AccordClient, meetingId = seed.meetingId) {
  const raw = await rawWriter(server.url, person, meetingId)
  writers.push(raw)
  await raw.roundTrip()
  return raw
}

/** The minutes as storage holds them: what survives a restart. */
async function stored(meetingId = seed.meetingId) {
  const { minutes } = await seed.chair.expect(200, 'GET', `/api/meetings/${meetingId}/minutes`)
  return minutes as { json: unknown; text: string }
}

const approve = () => seed.chair.expect(200, 'POST', `/api/meetings/${seed.meetingId}/approve`)
const reopen = () => seed.chair.expect(200, 'POST', `/api/meetings/${seed.meetingId}/reopen`)

describe('approving minutes', () => {
  it('stores every edit received before, refuses every edit after, and records the version', async () => {
    const member = await writer(seed.member)
    member.write('Before approval.')
    // Received and queued, perhaps not yet stored: approval stores it before the snapshot.
    await member.roundTrip()

    const { meeting } = await approve()
    expect(meeting).toMatchObject({ id: seed.meetingId, status: 'approved' })
    const atApproval = await stored()
    expect(atApproval.text).toBe('Before approval.')

    // A writer connected before the approval is refused, and told so.
    member.write('After approval.')
    await member.roundTrip()
    expect(member.refusals()).toEqual(['read-only access'])
    expect(await stored()).toEqual(atApproval)

    // A connection made afterwards, even the chair's, is read-only from the start.
    const chair = await writer(seed.chair)
    chair.write('The chair, after approval.')
    await chair.roundTrip()
    expect(chair.refusals()).toEqual(['read-only access'])
    expect(await stored()).toEqual(atApproval)

    const { versions } = await seed.member.expect(
      200,
      'GET',
      `/api/meetings/${seed.meetingId}/versions`,
    )
    expect(versions).toEqual([
      {
        id: expect.any(String),
        meetingId: seed.meetingId,
        kind: 'approved',
        personId: seed.ids.chair,
        personName: 'Owen',
        at: expect.any(String),
      },
    ])
    const version = await seed.observer.expect(
      200,
      'GET',
      `/api/meetings/${seed.meetingId}/versions/${versions[0].id}`,
    )
    expect(version).toEqual({ version: versions[0], minutes: atApproval.json })
  })

  it('takes edits again once reopened, and keeps the approved version as it was', async () => {
    const member = await writer(seed.member)
    member.write('Approved text.')
    await member.roundTrip()
    await approve()
    const atApproval = await stored()
    member.write('Refused while approved.')
    await member.roundTrip()

    const { meeting } = await reopen()
    expect(meeting.status).toBe('draft')
    member.write('After reopening.')
    await expect.poll(async () => (await stored()).text).toContain('After reopening.')
    expect((await stored()).text).toContain('Approved text.')
    expect((await stored()).text).not.toContain('Refused while approved.')
    // A connection made after reopening writes too, and is never told it may not.
    const chair = await writer(seed.chair)
    chair.write('The chair, after reopening.')
    await expect.poll(async () => (await stored()).text).toContain('The chair, after reopening.')
    expect(chair.refusals()).toEqual([])

    const path = `/api/meetings/${seed.meetingId}/versions`
    const { versions } = await seed.chair.expect(200, 'GET', path)
    expect(
      versions.map((v: { kind: string; personName: string }) => [v.kind, v.personName]),
    ).toEqual([
      ['approved', 'Owen'],
      ['reopened', 'Owen'],
    ])
    const approved = await seed.chair.expect(200, 'GET', `${path}/${versions[0].id}`)
    expect(approved.minutes).toEqual(atApproval.json)
    // A reopening holds no minutes.
    const reopened = await seed.chair.request('GET', `${path}/${versions[1].id}`)
    expect(reopened.status).toBe(404)
    expect(reopened.body.error.code).toBe('not_found')

    // Approving again records a second version, with the minutes as they are now.
    await approve()
    const again = await seed.chair.expect(200, 'GET', path)
    expect(again.versions.map((v: { kind: string }) => v.kind)).toEqual([
      'approved',
      'reopened',
      'approved',
    ])
    const second = await seed.chair.expect(200, 'GET', `${path}/${again.versions[2].id}`)
    expect(second.minutes).toEqual((await stored()).json)
  })

  it('stays read-only after the server restarts', async () => {
    const before = await writer(seed.member)
    before.write('Approved before the restart.')
    await before.roundTrip()
    await approve()
    const atApproval = await stored()
    for (const raw of writers.splice(0)) raw.close()

    await server.close()
    server = await startServer(config, pino({ level: 'silent' }))
    // The same people, their sessions kept in the database, on the new port.
    const [chair, member] = [seed.chair, seed.member].map((person) => {
      const again = new AccordClient(server.url)
      again.cookie = person.cookie
      return again
    }) as [AccordClient, AccordClient]
    for (const person of [chair, member]) {
      const raw = await rawWriter(server.url, person, seed.meetingId)
      writers.push(raw)
      raw.write('After the restart.')
      await raw.roundTrip()
      expect(raw.refusals()).toEqual(['read-only access'])
    }
    expect(await chair.expect(200, 'GET', `/api/meetings/${seed.meetingId}/minutes`)).toEqual({
      minutes: atApproval,
    })
    const { meeting } = await chair.expect(200, 'GET', `/api/meetings/${seed.meetingId}`)
    expect(meeting.status).toBe('approved')
  })

  it('is for chairs only; outsiders are told the meeting does not exist', async () => {
    const path = `/api/meetings/${seed.meetingId}/approve`
    for (const person of [seed.secretariat, seed.member, seed.observer]) {
      const answer = await person.request('POST', path)
      expect(answer.status).toBe(403)
      expect(answer.body.error.code).toBe('forbidden')
    }
    const outsider = await seed.outsider.request('POST', path)
    expect(outsider.status).toBe(404)
    expect(
      (await seed.outsider.request('GET', `/api/meetings/${seed.meetingId}/versions`)).status,
    ).toBe(404)

    // Nothing was approved: a writer still writes.
    const member = await writer(seed.member)
    member.write('Still a draft.')
    await expect.poll(async () => (await stored()).text).toBe('Still a draft.')
    expect(member.refusals()).toEqual([])
    const { meeting } = await seed.chair.expect(200, 'GET', `/api/meetings/${seed.meetingId}`)
    expect(meeting.status).toBe('draft')
  })

  it('refuses approving twice and reopening a draft with 409', async () => {
    const draft = await seed.chair.request('POST', `/api/meetings/${seed.meetingId}/reopen`)
    expect(draft.status).toBe(409)
    expect(draft.body.error.code).toBe('not_approved')

    await approve()
    const twice = await seed.chair.request('POST', `/api/meetings/${seed.meetingId}/approve`)
    expect(twice.status).toBe(409)
    expect(twice.body.error.code).toBe('already_approved')
    const secretariat = await seed.secretariat.request(
      'POST',
      `/api/meetings/${seed.meetingId}/reopen`,
    )
    expect(secretariat.status).toBe(403)

    const { versions } = await seed.chair.expect(
      200,
      'GET',
      `/api/meetings/${seed.meetingId}/versions`,
    )
    expect(versions).toHaveLength(1)
    const unknown = await seed.chair.request('GET', `/api/meetings/${seed.meetingId}/versions/nope`)
    expect(unknown.status).toBe(404)
  })

  it('keeps the title, date and attendance of approved minutes until they are reopened', async () => {
    await approve()
    const meetingPath = `/api/meetings/${seed.meetingId}`
    const renamed = await seed.chair.request('PATCH', meetingPath, { title: 'Renamed' })
    expect(renamed.status).toBe(409)
    expect(renamed.body.error.code).toBe('minutes_approved')
    const attendance = await seed.secretariat.request('PUT', `${meetingPath}/attendance`, {
      organisationIds: [seed.organisations.alc],
    })
    expect(attendance.status).toBe(409)
    expect(attendance.body.error.code).toBe('minutes_approved')
    expect((await seed.chair.expect(200, 'GET', meetingPath)).meeting).toMatchObject({
      title: 'Fortnightly call',
      attendance: [],
    })

    await reopen()
    const after = await seed.chair.expect(200, 'PATCH', meetingPath, { title: 'Renamed' })
    expect(after.meeting.title).toBe('Renamed')
  })
})
