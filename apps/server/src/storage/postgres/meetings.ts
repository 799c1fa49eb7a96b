import type { Meeting, MeetingPatch } from '@accord/minutes'
import type { MeetingStore } from '../../meetings/meeting-store.ts'
import type { Database, Queries } from './database.ts'

interface MeetingRow {
  id: string
  coalition_id: string | null
  title: string
  date: string
  created_at: string
  attendance: string[]
}

const select = `SELECT m.id, m.coalition_id, m.title, m.date, m.created_at,
  ARRAY(SELECT a.organisation_id FROM meeting_attendance a WHERE a.meeting_id = m.id)
    AS attendance
  FROM meetings m`

export class PostgresMeetingStore implements MeetingStore {
  constructor(private readonly db: Database) {}

  async createMeeting(meeting: Meeting): Promise<Meeting> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        'INSERT INTO meetings (id, coalition_id, title, date, created_at) VALUES ($1, $2, $3, $4, $5)',
        [meeting.id, meeting.coalitionId, meeting.title, meeting.date, meeting.createdAt],
      )
      await addAttendance(tx, meeting.id, meeting.attendance)
    })
    return meeting
  }

  async getMeeting(id: string): Promise<Meeting | undefined> {
    const row = await this.db.row<MeetingRow>(`${select} WHERE m.id = $1`, [id])
    return row ? toMeeting(row) : undefined
  }

  async listMeetings(coalitionId: string): Promise<Meeting[]> {
    const rows = await this.db.rows<MeetingRow>(
      `${select} WHERE m.coalition_id = $1 ORDER BY m.date DESC, m.created_at DESC`,
      [coalitionId],
    )
    return rows.flatMap((row) => toMeeting(row) ?? [])
  }

  async updateMeeting(id: string, patch: MeetingPatch): Promise<Meeting | undefined> {
    await this.db.run(
      'UPDATE meetings SET title = coalesce($1, title), date = coalesce($2, date) WHERE id = $3',
      [patch.title ?? null, patch.date ?? null, id],
    )
    return this.getMeeting(id)
  }

  async setAttendance(
    id: string,
    organisationIds: readonly string[],
  ): Promise<Meeting | undefined> {
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM meeting_attendance WHERE meeting_id = $1', [id])
      await addAttendance(tx, id, organisationIds)
    })
    return this.getMeeting(id)
  }
}

async function addAttendance(q: Queries, meetingId: string, organisationIds: readonly string[]) {
  if (organisationIds.length === 0) return
  await q.run(
    `INSERT INTO meeting_attendance (meeting_id, organisation_id)
     SELECT $1, unnest($2::text[])`,
    [meetingId, organisationIds],
  )
}

/** A meeting from before accounts that no coalition has adopted yet belongs to nobody. */
function toMeeting(row: MeetingRow): Meeting | undefined {
  if (row.coalition_id === null) return undefined
  return {
    id: row.id,
    coalitionId: row.coalition_id,
    title: row.title,
    date: row.date,
    createdAt: row.created_at,
    attendance: [...row.attendance].sort(),
  }
}
