import type { Membership } from '@accord/coalition'
import { newId } from '../accounts/tokens.ts'
import type { Storage } from '../storage/storage.ts'
import { loadDemoCoalition, type DemoCoalition } from './demo-coalition.ts'
import type { ReviewMinutes } from './review-minutes.ts'

/**
 * Creates the demo coalition with `chairId` as its chair, speaking for its first organisation:
 * its organisations, the sample people (accounts without a password, so nobody can sign in as
 * them) as members, and one meeting per sample with its minutes and attendance. The earlier
 * meetings' minutes are reviewed by `review` (extraction: the server's worker does it).
 */
export async function createDemoCoalition(
  storage: Storage,
  chairId: string,
  review: ReviewMinutes,
  demo: DemoCoalition = loadDemoCoalition(),
): Promise<Membership> {
  const { coalitions, accounts, meetings } = storage
  const now = new Date().toISOString()
  const coalition = { id: newId(), name: demo.name }
  const organisations = demo.organisations.map((organisation) => ({ id: newId(), ...organisation }))
  const [first, ...others] = organisations
  if (!first) throw new Error('The demo has no organisations.')
  await coalitions.createCoalition({
    // A demo must never take the meetings an upgraded instance had before accounts existed.
    adoptOwnerlessMeetings: false,
    coalition,
    organisation: first,
    chair: {
      personId: chairId,
      coalitionId: coalition.id,
      organisationId: first.id,
      role: 'chair',
      createdAt: now,
    },
  })
  for (const organisation of others) await coalitions.createOrganisation(coalition.id, organisation)

  const byName = new Map(organisations.map((organisation) => [organisation.name, organisation]))
  // Fresh accounts every time, never an existing one: anybody can sign up with a sample
  // person's address, and must not be let into every demo coalition by it.
  const suffix = coalition.id.slice(0, 8).toLowerCase()
  const members: { id: string; name: string; organisationId: string }[] = []
  for (const person of demo.people) {
    const [local, domain] = person.email.split('@') as [string, string]
    const account = {
      id: newId(),
      email: `${local}+${suffix}@${domain}`,
      name: person.name,
      passwordHash: null,
      createdAt: now,
    }
    await accounts.createPerson(account)
    members.push({
      id: account.id,
      name: person.name,
      organisationId: byName.get(person.organisationName)!.id,
    })
    await coalitions.addMember({
      personId: account.id,
      coalitionId: coalition.id,
      organisationId: byName.get(person.organisationName)!.id,
      role: 'member',
      createdAt: now,
    })
  }

  const byShortName = new Map(
    organisations.map((organisation) => [organisation.shortName, organisation]),
  )
  const people = members.map(({ id, name, organisationId }) => ({ id, name, organisationId }))
  const newest = demo.meetings.at(-1)
  for (const meeting of demo.meetings) {
    const id = newId()
    await meetings.createMeeting({
      id,
      coalitionId: coalition.id,
      status: 'draft',
      title: meeting.title,
      date: meeting.date,
      attendance: meeting.attendingShortNames.flatMap((short) => byShortName.get(short)?.id ?? []),
      createdAt: now,
    })
    // The chair has reviewed the earlier meetings, so the tracker and asks board have something
    // to show; the newest still has its suggestions waiting, to try reviewing them.
    const update =
      meeting === newest
        ? meeting.update
        : await review(meeting.minutes, { organisations, people, meetingDate: meeting.date })
    await storage.append([{ docName: id, update }])
  }
  return { coalition, organisation: first, role: 'chair' }
}
