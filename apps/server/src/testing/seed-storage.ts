import type { Storage } from '../storage/storage.ts'

/**
 * Straight into storage, for tests below the HTTP API (no server to sign up through; that is
 * seedCoalition in accord-client.ts): Owen chairs coalition `c` for its one organisation, ALC,
 * with a draft meeting on each of `meetings`' dates, by id.
 */
export async function seedChairedCoalition(
  { accounts, coalitions, meetings }: Pick<Storage, 'accounts' | 'coalitions' | 'meetings'>,
  {
    name = 'Northshire',
    meetingDates = {},
  }: { name?: string; meetingDates?: Record<string, string> },
): Promise<void> {
  const at = '2025-03-04T10:00:00.000Z'
  await accounts.createPerson({
    id: 'owen',
    email: 'owen@example.org',
    name: 'Owen',
    passwordHash: null,
    createdAt: at,
  })
  await coalitions.createCoalition({
    coalition: { id: 'c', name },
    organisation: {
      id: 'alc',
      name: 'Association of Local Councils',
      shortName: 'ALC',
      aliases: [],
    },
    chair: {
      personId: 'owen',
      coalitionId: 'c',
      organisationId: 'alc',
      role: 'chair',
      createdAt: at,
    },
  })
  for (const [id, date] of Object.entries(meetingDates)) {
    await meetings.createMeeting({
      id,
      coalitionId: 'c',
      status: 'draft',
      title: id,
      date,
      attendance: [],
      createdAt: at,
    })
  }
}
